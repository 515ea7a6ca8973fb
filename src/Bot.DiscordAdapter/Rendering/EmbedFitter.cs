using Bot.Discord.Models.Outbound;

namespace Bot.DiscordAdapter.Rendering;

/// <summary>
/// Fits embeds within every documented limit: per-element limits (already applied by <see cref="TextSlot"/>),
/// 25 fields per embed, 10 embeds per message and 6000 characters across all embeds. The total is met by capping
/// the longest texts first (water-filling), so short texts such as titles and levels stay whole; only when even
/// that fails are trailing fields and embeds dropped.
/// </summary>
internal static class EmbedFitter
{
    /// <summary>No text is capped below this while a longer one could give way instead.</summary>
    private const int MinimumCap = 24;

    public static IReadOnlyList<Embed> Fit(List<EmbedDraft> drafts, int maxEmbeds = DiscordLimits.EmbedsPerMessage, int maxTotal = DiscordLimits.EmbedTotalCharacters)
    {
        if (drafts.Count > maxEmbeds)
        {
            drafts.RemoveRange(maxEmbeds, drafts.Count - maxEmbeds);
        }

        foreach (var draft in drafts.Where(d => d.Fields.Count > DiscordLimits.EmbedFields))
        {
            draft.Fields.RemoveRange(DiscordLimits.EmbedFields, draft.Fields.Count - DiscordLimits.EmbedFields);
        }

        while (true)
        {
            var slots = drafts.SelectMany(d => d.Slots()).ToList();
            foreach (var slot in slots)
            {
                slot.Apply(slot.Limit);
            }

            if (Total(slots) <= maxTotal)
            {
                break;
            }

            if (TryCap(slots, maxTotal))
            {
                break;
            }

            if (!DropLast(drafts))
            {
                break;
            }
        }

        return drafts.Select(d => d.ToEmbed()).ToList();
    }

    private static bool TryCap(List<TextSlot> slots, int maxTotal)
    {
        var low = MinimumCap;
        var high = slots.Max(s => s.FullLength);
        if (TotalAt(slots, low) > maxTotal)
        {
            return false;
        }

        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (TotalAt(slots, mid) <= maxTotal)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Cuts at word boundaries make the total only roughly monotonic in the cap, so step down until it holds.
        for (var cap = low; cap >= MinimumCap; cap--)
        {
            if (TotalAt(slots, cap) <= maxTotal)
            {
                return true;
            }
        }

        return false;
    }

    private static int TotalAt(List<TextSlot> slots, int cap)
    {
        foreach (var slot in slots)
        {
            slot.Apply(cap);
        }

        return Total(slots);
    }

    private static int Total(List<TextSlot> slots) => slots.Sum(s => s.Value.Length);

    private static bool DropLast(List<EmbedDraft> drafts)
    {
        for (var i = drafts.Count - 1; i >= 0; i--)
        {
            if (drafts[i].Fields.Count > 0)
            {
                drafts[i].Fields.RemoveAt(drafts[i].Fields.Count - 1);
                return true;
            }

            if (i > 0)
            {
                drafts.RemoveAt(i);
                return true;
            }
        }

        return false;
    }
}
