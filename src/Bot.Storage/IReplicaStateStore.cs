namespace Bot.Storage;

/// <summary>
/// The short-lived state that bot replicas behind a load balancer must share to act as one bot: which interactions
/// were already taken on, and free-text cooldowns per user and channel. Rows expire; <see cref="PurgeExpiredAsync"/>
/// removes the expired ones.
/// </summary>
public interface IReplicaStateStore
{
    /// <summary>
    /// Claims the interaction for this replica; true for exactly one of all concurrent and later claims of the same
    /// id until <paramref name="keepFor"/> has passed.
    /// </summary>
    Task<bool> TryClaimInteractionAsync(ulong interactionId, TimeSpan keepFor, CancellationToken cancellationToken);

    /// <summary>True while the user or the channel is cooling down.</summary>
    Task<bool> IsCoolingDownAsync(ulong userId, ulong channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically: when neither the user nor the channel is cooling down, starts both cooldowns and returns true;
    /// otherwise changes nothing and returns false. A zero cooldown is never active and never stored.
    /// </summary>
    Task<bool> TryStartCooldownsAsync(
        ulong userId, TimeSpan userCooldown, ulong channelId, TimeSpan channelCooldown, CancellationToken cancellationToken);

    /// <summary>Deletes expired interaction claims and cooldowns; returns how many rows went.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
