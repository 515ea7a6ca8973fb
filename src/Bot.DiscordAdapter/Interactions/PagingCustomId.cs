using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bot.Application;
using Bot.Discord.Models.Outbound;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>The next page of a recommendation and who may ask for it, as carried by a "More" button.</summary>
public sealed record PagingToken(ulong OwnerId, RecommendRequest Request);

/// <summary>
/// Encodes a "More" button's next page in its <c>custom_id</c> (at most 100 characters), so paging needs no
/// server-side state: <c>more1:{owner}:{offset}:{count}:{level}:{kind}:{topic}</c>, the topic last because it may
/// contain colons. A page that does not fit gets no button.
/// </summary>
public static class PagingCustomId
{
    public const string Prefix = "more1:";

    public static string? Encode(ulong ownerId, RecommendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var level = request.Level?.Trim() ?? string.Empty;
        var kind = request.Kind?.Trim() ?? string.Empty;
        var topic = request.Topic.Trim();
        if (level.Contains(':', StringComparison.Ordinal) || kind.Contains(':', StringComparison.Ordinal) || topic.Length == 0
            || request.Offset < 0 || request.Count < 1)
        {
            return null;
        }

        var id = string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}{ownerId}:{request.Offset}:{request.Count}:{level}:{kind}:{topic}");
        return id.Length <= DiscordLimits.ComponentCustomId ? id : null;
    }

    public static bool TryDecode(string? customId, [NotNullWhen(true)] out PagingToken? token)
    {
        token = null;
        if (customId is null || customId.Length > DiscordLimits.ComponentCustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':', 6);
        if (parts.Length != 6
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1
            || parts[5].Trim().Length == 0)
        {
            return false;
        }

        token = new PagingToken(owner, new RecommendRequest
        {
            Topic = parts[5],
            Level = parts[3].Length == 0 ? null : parts[3],
            Kind = parts[4].Length == 0 ? null : parts[4],
            Count = count,
            Offset = offset,
        });
        return true;
    }
}
