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

    public CooldownGate(IOptions<DiscordBotOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _userCooldown = options.Value.UserCooldown;
        _channelCooldown = options.Value.ChannelCooldown;
    }

    /// <summary>True while the user or the channel is cooling down (a cheap check before doing any work).</summary>
    public bool IsCoolingDown(ulong userId, ulong channelId)
    {
        var now = _time.GetTimestamp();
        return Active(_users, userId, _userCooldown, now) || Active(_channels, channelId, _channelCooldown, now);
    }

    /// <summary>Atomically checks both cooldowns and, when neither is active, starts them. False means stay silent.</summary>
    public bool TryAcquire(ulong userId, ulong channelId)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (Active(_users, userId, _userCooldown, now) || Active(_channels, channelId, _channelCooldown, now))
            {
                return false;
            }

            _users[userId] = now;
            _channels[channelId] = now;
            if (_users.Count > PruneThreshold || _channels.Count > PruneThreshold)
            {
                Prune(_users, _userCooldown, now);
                Prune(_channels, _channelCooldown, now);
            }

            return true;
        }
    }

    public ValueTask<bool> IsCoolingDownAsync(ulong userId, ulong channelId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IsCoolingDown(userId, channelId));

    public ValueTask<bool> TryAcquireAsync(ulong userId, ulong channelId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(userId, channelId));

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
