using Bot.Discord.Gateway;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>
/// Makes sure an interaction is handled once: the first claim of an id wins, every later one (a replay, a retry by
/// a proxy, a second replica, a shard briefly run by two processes during a rollout) loses.
/// </summary>
public interface IInteractionClaims
{
    ValueTask<bool> TryClaimAsync(ulong interactionId, CancellationToken cancellationToken);
}

/// <summary>Claims remembered in this process for 15 minutes (an interaction token's lifetime).</summary>
public sealed class InMemoryInteractionClaims(TimeProvider time) : IInteractionClaims
{
    /// <summary>How long a claim is kept: interaction tokens are valid for 15 minutes.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(15);

    private readonly DispatchDeduplicator _seen = new(100_000, KeepFor, time);

    public ValueTask<bool> TryClaimAsync(ulong interactionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_seen.TryMarkFirstSeen(DispatchKind.Interaction, interactionId));
}
