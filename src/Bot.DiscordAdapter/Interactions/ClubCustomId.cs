using System.Diagnostics.CodeAnalysis;
using Bot.Discord.Models.Outbound;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>
/// The "Read it" button under a paper-of-the-week post: <c>club1:{item}</c>. Anyone in the server may press it (it marks
/// the paper read for the presser), and it keeps working across catalog changes as long as the item exists.
/// </summary>
public static class ClubCustomId
{
    public const string Prefix = "club1:";

    public static string? Encode(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var id = Prefix + itemId;
        return itemId.Length > 0 && id.Length <= DiscordLimits.ComponentCustomId ? id : null;
    }

    public static bool TryDecode(string? customId, [NotNullWhen(true)] out string? itemId)
    {
        itemId = null;
        if (customId is null || customId.Length > DiscordLimits.ComponentCustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal) || customId.Length == Prefix.Length)
        {
            return false;
        }

        itemId = customId[Prefix.Length..];
        return true;
    }
}
