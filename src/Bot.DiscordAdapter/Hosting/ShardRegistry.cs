using Bot.Discord.Gateway;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>The gateway shards this process runs, for health checks.</summary>
public sealed class ShardRegistry
{
    private readonly Lock _lock = new();
    private readonly List<GatewayShard> _shards = [];

    public IReadOnlyList<GatewayShard> Shards
    {
        get
        {
            lock (_lock)
            {
                return [.. _shards];
            }
        }
    }

    public void Add(GatewayShard shard)
    {
        lock (_lock)
        {
            _shards.Add(shard);
        }
    }

    /// <summary>Connected and heartbeating: every shard is ready and its last ACK (if any yet) is recent.</summary>
    public bool IsHealthy(DateTimeOffset now, TimeSpan maxHeartbeatAge)
    {
        var shards = Shards;
        return shards.Count > 0
            && shards.All(s => s.IsReady && (s.LastHeartbeatAck is not { } ack || now - ack <= maxHeartbeatAge));
    }
}
