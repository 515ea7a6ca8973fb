using Bot.Discord.Gateway;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Commands;
using Bot.Discord.Diagnostics;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>
/// Routes gateway dispatches to the adapter: READY to the identity and command registration, interactions and
/// messages to their handlers. Work is counted so shutdown can finish it; none is taken once shutdown began.
/// An interaction gives its dispatch worker back as soon as its initial response is decided (usually a deferral
/// already on its way when the reply has to queue), so a burst is acknowledged quickly while the deferred replies
/// are still being computed and edited in.
/// </summary>
public sealed partial class DiscordGatewayHandler : IGatewayEventHandler
{
    private readonly InteractionHandler _interactions;
    private readonly FreeTextHandler _messages;
    private readonly BotIdentity _identity;
    private readonly CommandRegistrationCoordinator _registration;
    private readonly WorkTracker _tracker;
    private readonly BotRunState _runState;
    private readonly ILogger<DiscordGatewayHandler> _logger;
    private readonly BotMetrics? _metrics;
    private readonly IInteractionClaims? _claims;

    public DiscordGatewayHandler(
        InteractionHandler interactions,
        FreeTextHandler messages,
        BotIdentity identity,
        CommandRegistrationCoordinator registration,
        WorkTracker tracker,
        BotRunState runState,
        ILogger<DiscordGatewayHandler> logger,
        BotMetrics? metrics = null,
        IInteractionClaims? claims = null)
    {
        _claims = claims;
        _interactions = interactions;
        _messages = messages;
        _identity = identity;
        _registration = registration;
        _tracker = tracker;
        _runState = runState;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ready);
        _identity.OnReady(ready);
        Log.Ready(_logger, ready.Shard is [var shard, ..] ? shard : 0, ready.User.Id, ready.Guilds.Count);
        if (_identity.ApplicationId is { } applicationId)
        {
            await _registration.EnsureRegisteredAsync(applicationId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnInteractionCreateAsync(InteractionCreateEvent interactionCreate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interactionCreate);
        var interaction = interactionCreate.Interaction;
        if (!_tracker.TryBegin(out var lease))
        {
            Log.RefusedWhileStopping(_logger, "interaction", interaction.Id);
            return;
        }

        bool claimed;
        try
        {
            claimed = _claims is null || await _claims.TryClaimAsync(interaction.Id, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        if (!claimed)
        {
            lease.Dispose();
            Log.AlreadyClaimed(_logger, interaction.Id);
            return;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _tracker.Aborted);
        InteractionHandling handling;
        try
        {
            handling = _interactions.Start(interaction, interactionCreate.Receipt.ReceivedTimestamp, linked.Token);
        }
        catch
        {
            linked.Dispose();
            lease.Dispose();
            throw;
        }

        var finishing = FinishAsync(handling.Completion, interaction, lease, linked);
        var decided = handling.Session.InitialResponseDecided;
        if (!decided.IsCompleted)
        {
            await Task.WhenAny(decided, finishing).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the work lease when the interaction is completely handled (edits included), whatever the outcome.</summary>
    private async Task FinishAsync(Task<InteractionSession> completion, Interaction interaction, WorkTracker.WorkLease lease, CancellationTokenSource linked)
    {
        var interactionId = interaction.Id;
        try
        {
            var session = await completion.ConfigureAwait(false);
            _metrics?.InteractionHandled(interaction, session);
        }
        catch (DiscordUnauthorizedException)
        {
            TokenRejected();
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Log.InteractionCancelled(_logger, interactionId);
        }
        catch (Exception ex)
        {
            Log.InteractionFailed(_logger, ex, interactionId);
        }
        finally
        {
            linked.Dispose();
            lease.Dispose();
        }
    }

    public async Task OnMessageCreateAsync(MessageCreateEvent messageCreate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageCreate);
        if (!_tracker.TryBegin(out var lease))
        {
            Log.RefusedWhileStopping(_logger, "message", messageCreate.Message.Id);
            return;
        }

        using (lease)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _tracker.Aborted);
            try
            {
                var answer = await _messages.HandleAsync(messageCreate.Message, linked.Token).ConfigureAwait(false);
                _metrics?.FreeTextHandled(answered: answer is not null);
            }
            catch (DiscordUnauthorizedException)
            {
                TokenRejected();
            }
        }
    }

    private void TokenRejected()
    {
        Log.TokenRejected(_logger);
        _runState.Fail("Discord rejected the bot token (401 Unauthorized). Reset the token in the Developer Portal and update the configuration.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Shard {ShardId} READY as user {BotUserId} in {GuildCount} guilds")]
        public static partial void Ready(ILogger logger, int shardId, ulong botUserId, int guildCount);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Shutting down: {What} {Id} not handled")]
        public static partial void RefusedWhileStopping(ILogger logger, string what, ulong id);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "Discord rejected the bot token (401); stopping")]
        public static partial void TokenRejected(ILogger logger);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Interaction {InteractionId} failed")]
        public static partial void InteractionFailed(ILogger logger, Exception exception, ulong interactionId);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Interaction {InteractionId} was already taken on (a replay or another process); not handled again")]
        public static partial void AlreadyClaimed(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Interaction {InteractionId} cancelled by shutdown")]
        public static partial void InteractionCancelled(ILogger logger, ulong interactionId);
    }
}
