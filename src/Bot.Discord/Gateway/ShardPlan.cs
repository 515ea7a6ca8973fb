namespace Bot.Discord.Gateway;

/// <summary>Which shards this process runs, out of how many, and the gateway URL to identify on.</summary>
public sealed record ShardPlan(int ShardCount, IReadOnlyList<int> ShardIds, Uri GatewayUrl)
{
    /// <summary>
    /// Resolves <c>ShardCount = auto</c> to <see cref="GatewayBotInfo.Shards"/>, the shard ids to run
    /// (<see cref="GatewayOptions.ShardIds"/>, <see cref="GatewayOptions.ShardId"/> or all of them) and the URL (override or GET /gateway/bot).
    /// </summary>
    public static ShardPlan Resolve(GatewayOptions options, GatewayBotInfo info)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(info);

        var count = options.ParsedShardCount ?? info.Shards;
        if (count < 1)
        {
            throw new InvalidOperationException("GET /gateway/bot recommended no shards; set ShardCount explicitly.");
        }

        foreach (var listed in options.ShardIds ?? [])
        {
            if (listed < 0 || listed >= count)
            {
                throw new InvalidOperationException($"Shard {listed} is not below the shard count {count}.");
            }
        }

        if (options.ShardId is { } id && id >= count)
        {
            throw new InvalidOperationException($"ShardId {id} is not below the shard count {count}.");
        }

        var url = string.IsNullOrWhiteSpace(options.GatewayUrl) ? info.Url : options.GatewayUrl;
        if (!GatewayUrls.TryParse(url, out var gatewayUrl))
        {
            throw new InvalidOperationException("The gateway URL is not an absolute ws:// or wss:// URL.");
        }

        IReadOnlyList<int> ids = options.ShardIds is { Count: > 0 } selected ? [.. selected.Distinct().Order()]
            : options.ShardId is { } single ? [single]
            : Enumerable.Range(0, count).ToArray();
        return new ShardPlan(count, ids, gatewayUrl);
    }

    /// <summary>The shard receiving a guild's events: <c>(guild_id &gt;&gt; 22) % num_shards</c>; no guild (DMs) = 0.</summary>
    public static int ShardForGuild(ulong? guildId, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        return guildId is { } id ? (int)((id >> 22) % (ulong)shardCount) : 0;
    }

    /// <summary>The shard receiving events of <paramref name="guildId"/> (null for DMs) in this plan.</summary>
    public int ShardFor(ulong? guildId) => ShardForGuild(guildId, ShardCount);
}

internal static class GatewayUrls
{
    /// <summary>The connection URL: the given gateway URL with <c>?v=10&amp;encoding=json</c>.</summary>
    public static Uri WithVersionAndEncoding(Uri gatewayUrl) =>
        new UriBuilder(gatewayUrl) { Query = "v=10&encoding=json" }.Uri;

    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "ws" or "wss")
        {
            uri = parsed;
            return true;
        }

        uri = null;
        return false;
    }
}
