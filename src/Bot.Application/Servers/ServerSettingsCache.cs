using System.Collections.Concurrent;
using Bot.Storage;

namespace Bot.Application.Servers;

/// <summary>
/// The operator's defaults for servers that never ran /config: the free-text cooldowns in whole seconds (the Discord
/// adapter fills them from its options).
/// </summary>
public sealed record ServerDefaults(int UserCooldownSeconds = 10, int ChannelCooldownSeconds = 3);

/// <summary>
/// Server configurations read through the store, kept for at most <see cref="Lifetime"/> so a busy channel does not
/// query the database per message. A change made with /config in this process is seen at once (its entry is dropped);
/// one made in another process is seen here within <see cref="Lifetime"/>. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class ServerSettingsCache(IServerStore store, TimeProvider time)
{
    /// <summary>How long a server's configuration is reused before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<ulong, (ServerConfig? Config, DateTimeOffset ReadAt)> _entries = new();

    /// <summary>The server's saved configuration, or null when it never saved one.</summary>
    public async Task<ServerConfig?> FindAsync(ulong serverId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(serverId, out var entry) && now - entry.ReadAt < Lifetime)
        {
            return entry.Config;
        }

        var config = await store.FindConfigAsync(serverId, cancellationToken).ConfigureAwait(false);
        _entries[serverId] = (config, now);
        if (_entries.Count > PruneThreshold)
        {
            foreach (var (key, value) in _entries)
            {
                if (now - value.ReadAt >= Lifetime)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        return config;
    }

    /// <summary>Forgets the cached entry, so the next read sees what was just written.</summary>
    public void Invalidate(ulong serverId) => _entries.TryRemove(serverId, out _);
}
