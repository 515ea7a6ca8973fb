using System.Collections.Concurrent;
using Bot.DiscordAdapter.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Messages;

/// <summary>
/// Per-user and per-channel cooldowns for free-text answers, so a busy channel cannot make the bot spam or run
/// into rate limits. Time comes from <see cref="TimeProvider"/>; memory is bounded by pruning expired entries.
/// </summary>
public sealed class CooldownGate : IFreeTextCooldowns
{
    private const int PruneThreshold = 10_000;

    private readonly TimeProvider _time;
    private readonly TimeSpan _userCooldown;
    private readonly TimeSpan _channelCooldown;
    private readonly ConcurrentDictionary<ulong, long> _users = new();
    private readonly ConcurrentDictionary<ulong, long> _channels = new();
    private readonly Lock _lock = new();
    private TimeSpan _longestUserCooldown;
    private TimeSpan _longestChannelCooldown;

    public CooldownGate(IOptions<DiscordBotOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _userCooldown = options.Value.UserCooldown;
        _channelCooldown = options.Value.ChannelCooldown;
        _longestUserCooldown = _userCooldown;
        _longestChannelCooldown = _channelCooldown;
    }

    /// <summary>True while the user or the channel is cooling down (a cheap check before doing any work).</summary>
    public bool IsCoolingDown(ulong userId, ulong channelId) => IsCoolingDown(userId, channelId, _userCooldown, _channelCooldown);

    /// <summary>As <see cref="IsCoolingDown(ulong, ulong)"/> with a server's own cooldowns (from /config).</summary>
    public bool IsCoolingDown(ulong userId, ulong channelId, TimeSpan userCooldown, TimeSpan channelCooldown)
    {
        var now = _time.GetTimestamp();
        return Active(_users, userId, userCooldown, now) || Active(_channels, channelId, channelCooldown, now);
    }

    /// <summary>Atomically checks both cooldowns and, when neither is active, starts them. False means stay silent.</summary>
    public bool TryAcquire(ulong userId, ulong channelId) => TryAcquire(userId, channelId, _userCooldown, _channelCooldown);

    /// <summary>As <see cref="TryAcquire(ulong, ulong)"/> with a server's own cooldowns (from /config).</summary>
    public bool TryAcquire(ulong userId, ulong channelId, TimeSpan userCooldown, TimeSpan channelCooldown)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (Active(_users, userId, userCooldown, now) || Active(_channels, channelId, channelCooldown, now))
            {
                return false;
            }

            _users[userId] = now;
            _channels[channelId] = now;
            // Servers may set longer cooldowns than the defaults: prune only what no cooldown seen could still need.
            _longestUserCooldown = userCooldown > _longestUserCooldown ? userCooldown : _longestUserCooldown;
            _longestChannelCooldown = channelCooldown > _longestChannelCooldown ? channelCooldown : _longestChannelCooldown;
            if (_users.Count > PruneThreshold || _channels.Count > PruneThreshold)
            {
                Prune(_users, _longestUserCooldown, now);
                Prune(_channels, _longestChannelCooldown, now);
            }

            return true;
        }
    }

    public ValueTask<bool> IsCoolingDownAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IsCoolingDown(userId, channelId, cooldown.User, cooldown.Channel));

    public ValueTask<bool> TryAcquireAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(userId, channelId, cooldown.User, cooldown.Channel));

    private bool Active(ConcurrentDictionary<ulong, long> entries, ulong key, TimeSpan cooldown, long now) =>
        cooldown > TimeSpan.Zero && entries.TryGetValue(key, out var since) && _time.GetElapsedTime(since, now) < cooldown;

    private void Prune(ConcurrentDictionary<ulong, long> entries, TimeSpan cooldown, long now)
    {
        foreach (var (key, since) in entries)
        {
            if (_time.GetElapsedTime(since, now) >= cooldown)
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
