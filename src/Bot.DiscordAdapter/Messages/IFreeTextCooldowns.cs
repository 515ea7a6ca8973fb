namespace Bot.DiscordAdapter.Messages;

/// <summary>
/// Per-user and per-channel cooldowns of free-text answers. <see cref="CooldownGate"/> keeps them in this process;
/// replicas that share a database keep them there, so a user cannot get one answer per replica.
/// </summary>
public interface IFreeTextCooldowns
{
    /// <summary>True while the user or the channel is cooling down (a cheap check before doing any work).</summary>
    ValueTask<bool> IsCoolingDownAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken);

    /// <summary>Atomically checks both cooldowns and, when neither is active, starts them. False means stay silent.</summary>
    ValueTask<bool> TryAcquireAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken);
}

/// <summary>How long a user and a channel wait between free-text answers: the operator's defaults, or a server's own (/config).</summary>
public readonly record struct FreeTextCooldown(TimeSpan User, TimeSpan Channel);
