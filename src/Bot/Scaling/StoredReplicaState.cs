using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Scaling;

/// <summary>
/// Interaction claims in the shared database: of all replicas, exactly one handles an interaction id. If the
/// database cannot be reached the interaction is handled anyway (an answer, perhaps twice, beats silence).
/// </summary>
public sealed partial class StoredInteractionClaims(IReplicaStateStore store, ILogger<StoredInteractionClaims> logger) : IInteractionClaims
{
    /// <summary>Every this many claims, one replica also deletes the expired rows.</summary>
    private const int PurgeEvery = 1024;

    private int _claims;

    public async ValueTask<bool> TryClaimAsync(ulong interactionId, CancellationToken cancellationToken)
    {
        bool claimed;
        try
        {
            claimed = await store.TryClaimInteractionAsync(interactionId, InMemoryInteractionClaims.KeepFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClaimFailed(logger, ex, interactionId);
            return true;
        }

        if (Interlocked.Increment(ref _claims) % PurgeEvery == 0)
        {
            _ = PurgeAsync();
        }

        return claimed;
    }

    private async Task PurgeAsync()
    {
        try
        {
            await store.PurgeExpiredAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.PurgeFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the shared claim could not be written; handling it without one")]
        public static partial void ClaimFailed(ILogger logger, Exception exception, ulong interactionId);

        [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Expired interaction claims and cooldowns could not be purged")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// Free-text cooldowns in the shared database, so replicas together answer a user or channel no more often than one
/// bot would. If the database cannot be reached the bot stays silent (free text is optional; spam is not).
/// </summary>
public sealed partial class StoredCooldowns(IReplicaStateStore store, ILogger<StoredCooldowns> logger) : IFreeTextCooldowns
{
    public async ValueTask<bool> IsCoolingDownAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken)
    {
        if (cooldown.User <= TimeSpan.Zero && cooldown.Channel <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            return await store.IsCoolingDownAsync(userId, channelId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
            return true;
        }
    }

    public async ValueTask<bool> TryAcquireAsync(ulong userId, ulong channelId, FreeTextCooldown cooldown, CancellationToken cancellationToken)
    {
        if (cooldown.User <= TimeSpan.Zero && cooldown.Channel <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            return await store.TryStartCooldownsAsync(userId, cooldown.User, channelId, cooldown.Channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Free-text cooldowns could not be read or written in the shared database; staying silent")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
