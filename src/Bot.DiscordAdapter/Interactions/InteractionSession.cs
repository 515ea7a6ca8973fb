using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>Where an interaction stands. Only the transitions of <see cref="InteractionSession"/> are possible.</summary>
public enum InteractionState
{
    /// <summary>Received, not yet answered.</summary>
    New,

    /// <summary>The initial response is being sent.</summary>
    Responding,

    /// <summary>Acknowledged with a deferred response (type 5 or 6); the original must be edited.</summary>
    Deferred,

    /// <summary>Answered with a message, update or autocomplete result.</summary>
    Answered,

    /// <summary>The original response was edited.</summary>
    Edited,

    /// <summary>A follow-up message was sent.</summary>
    FollowedUp,

    /// <summary>Too late: past the 3 s initial-response window or the 15-minute token life. Nothing more is sent.</summary>
    Expired,

    /// <summary>Discord no longer accepts this interaction (10062, 40060, dead webhook). Nothing more is sent.</summary>
    Gone,

    /// <summary>Sending failed for another reason; nothing more is sent, since a retry could answer twice.</summary>
    Failed,
}

/// <summary>
/// The life of one interaction: New → Responding → Deferred/Answered → Edited/FollowedUp. The initial response can
/// be sent once, and only within 3 s of local receipt; edits and follow-ups only after it, and only within the
/// token's 15 minutes. Errors 40060 (already acknowledged) and 10062 (unknown interaction) are logged once and end
/// the session without a retry. Sends are serialized, so concurrent callers cannot answer twice.
/// </summary>
public sealed partial class InteractionSession
{
    public static readonly TimeSpan InitialResponseWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly IDiscordRestClient _rest;
    private readonly IInitialResponseChannel _initialResponse;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly long _receivedTimestamp;
    private readonly TaskCompletionSource _initialResponseDecided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private InteractionState _state = InteractionState.New;
    private TimeSpan? _initialResponseAfter;
    private bool _deferred;

    /// <param name="interactionId">Interaction id.</param>
    /// <param name="token">Interaction token (secret; never logged).</param>
    /// <param name="applicationId">Application id for edits and follow-ups; null when not known yet.</param>
    /// <param name="receivedTimestamp">Local receipt, a <paramref name="time"/> timestamp.</param>
    /// <param name="rest">REST client.</param>
    /// <param name="time">Clock the receipt was taken with.</param>
    /// <param name="logger">Logger.</param>
    public InteractionSession(
        ulong interactionId, string token, ulong? applicationId, long receivedTimestamp, IDiscordRestClient rest, TimeProvider time, ILogger logger)
        : this(interactionId, token, applicationId, receivedTimestamp, rest, new RestInitialResponseChannel(rest), time, logger)
    {
    }

    /// <param name="interactionId">Interaction id.</param>
    /// <param name="token">Interaction token (secret; never logged).</param>
    /// <param name="applicationId">Application id for edits and follow-ups; null when not known yet.</param>
    /// <param name="receivedTimestamp">Local receipt, a <paramref name="time"/> timestamp.</param>
    /// <param name="rest">REST client for edits and follow-ups.</param>
    /// <param name="initialResponse">Where the initial response goes.</param>
    /// <param name="time">Clock the receipt was taken with.</param>
    /// <param name="logger">Logger.</param>
    public InteractionSession(
        ulong interactionId,
        string token,
        ulong? applicationId,
        long receivedTimestamp,
        IDiscordRestClient rest,
        IInitialResponseChannel initialResponse,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        InteractionId = interactionId;
        Token = token;
        ApplicationId = applicationId;
        _receivedTimestamp = receivedTimestamp;
        _rest = rest;
        _initialResponse = initialResponse;
        _time = time;
        _logger = logger;
    }

    public ulong InteractionId { get; }

    public ulong? ApplicationId { get; }

    public InteractionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Completes once the initial response is decided: being sent, sent (answered or deferred), or never to be sent
    /// (too late, refused, failed). It completes synchronously with the state change, so a caller that started the
    /// handling can tell at once whether it still has to wait.
    /// </summary>
    public Task InitialResponseDecided => _initialResponseDecided.Task;

    /// <summary>Receipt to initial response sent; null while none was sent.</summary>
    public TimeSpan? InitialResponseAfter
    {
        get
        {
            lock (_stateLock)
            {
                return _initialResponseAfter;
            }
        }
    }

    /// <summary>True when the initial response was a deferral (type 5 or 6).</summary>
    public bool WasDeferred
    {
        get
        {
            lock (_stateLock)
            {
                return _deferred;
            }
        }
    }

    /// <summary>Time since local receipt.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_receivedTimestamp);

    /// <summary>Time left before the initial response must have been sent (may be negative).</summary>
    public TimeSpan InitialResponseTimeLeft => InitialResponseWindow - Elapsed;

    private string Token { get; }

    /// <summary>Sends the initial response. False when it was not sent (already answered, too late, or refused).</summary>
    public async Task<bool> RespondAsync(InteractionResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != InteractionState.New)
            {
                Log.SecondResponseRefused(_logger, InteractionId, _state);
                return false;
            }

            if (Elapsed >= InitialResponseWindow)
            {
                SetState(InteractionState.Expired);
                Log.InitialWindowMissed(_logger, InteractionId, Elapsed.TotalMilliseconds);
                return false;
            }

            SetState(InteractionState.Responding);
            try
            {
                await _initialResponse.SendAsync(InteractionId, Token, response, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordPayloadValidationException ex)
            {
                SetState(InteractionState.New);
                Log.PayloadRefused(_logger, ex, InteractionId);
                return false;
            }
            catch (DiscordUnauthorizedException)
            {
                SetState(InteractionState.Failed);
                throw;
            }
            catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
            {
                OnSendFailed(ex, "initial response");
                return false;
            }

            var deferred = response.Type is InteractionCallbackType.DeferredChannelMessageWithSource or InteractionCallbackType.DeferredUpdateMessage;
            lock (_stateLock)
            {
                _initialResponseAfter = Elapsed;
                _deferred = deferred;
            }

            SetState(deferred ? InteractionState.Deferred : InteractionState.Answered);
            Log.Responded(_logger, InteractionId, (int)response.Type, Elapsed.TotalMilliseconds);
            return true;
        }
        catch (OperationCanceledException)
        {
            if (_state == InteractionState.Responding)
            {
                SetState(InteractionState.Failed);
            }

            throw;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Edits the original response (completing a deferred one). False when not allowed or refused.</summary>
    public Task<bool> EditOriginalAsync(MessagePayload message, CancellationToken cancellationToken) =>
        SendAfterResponseAsync(
            "edit of the original response",
            InteractionState.Edited,
            (appId, token, ct) => _rest.EditOriginalResponseAsync(appId, token, message, ct),
            cancellationToken);

    /// <summary>Edits the original response and attaches <paramref name="files"/> (multipart). False when not allowed or refused.</summary>
    public Task<bool> EditOriginalAsync(MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken) =>
        SendAfterResponseAsync(
            "edit of the original response",
            InteractionState.Edited,
            (appId, token, ct) => _rest.EditOriginalResponseAsync(appId, token, message, files, ct),
            cancellationToken);

    /// <summary>Sends a follow-up message. False when not allowed or refused.</summary>
    public Task<bool> FollowUpAsync(MessagePayload message, CancellationToken cancellationToken) =>
        SendAfterResponseAsync(
            "follow-up",
            InteractionState.FollowedUp,
            (appId, token, ct) => _rest.CreateFollowupMessageAsync(appId, token, message, ct),
            cancellationToken);

    /// <summary>Deletes the original response (a public placeholder whose answer went out privately).</summary>
    public Task<bool> DeleteOriginalAsync(CancellationToken cancellationToken) =>
        SendAfterResponseAsync(
            "deletion of the original response",
            InteractionState.FollowedUp,
            (appId, token, ct) => _rest.DeleteOriginalResponseAsync(appId, token, ct),
            cancellationToken);

    private async Task<bool> SendAfterResponseAsync(
        string what, InteractionState next, Func<ulong, string, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state is not (InteractionState.Deferred or InteractionState.Answered or InteractionState.Edited or InteractionState.FollowedUp))
            {
                Log.SendRefused(_logger, InteractionId, what, _state);
                return false;
            }

            if (Elapsed >= TokenLifetime)
            {
                SetState(InteractionState.Expired);
                Log.TokenExpired(_logger, InteractionId, what);
                return false;
            }

            if (ApplicationId is not { } applicationId)
            {
                Log.NoApplicationId(_logger, InteractionId, what);
                return false;
            }

            try
            {
                await send(applicationId, Token, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordPayloadValidationException ex)
            {
                Log.PayloadRefused(_logger, ex, InteractionId);
                return false;
            }
            catch (DiscordUnauthorizedException)
            {
                SetState(InteractionState.Failed);
                throw;
            }
            catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
            {
                OnSendFailed(ex, what);
                return false;
            }

            SetState(next);
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void OnSendFailed(Exception ex, string what)
    {
        switch (ex)
        {
            case DiscordApiException { IsInteractionAlreadyAcknowledged: true }:
                SetState(InteractionState.Gone);
                Log.AlreadyAcknowledged(_logger, InteractionId, what);
                break;
            case DiscordApiException { IsUnknownInteraction: true }:
                SetState(InteractionState.Gone);
                Log.UnknownInteraction(_logger, InteractionId, what, Elapsed.TotalMilliseconds);
                break;
            case DiscordApiException { Code: DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.InvalidWebhookToken }:
            case DiscordWebhookUnavailableException:
                SetState(InteractionState.Gone);
                Log.WebhookGone(_logger, InteractionId, what);
                break;
            default:
                SetState(InteractionState.Failed);
                Log.SendFailed(_logger, ex, InteractionId, what);
                break;
        }
    }

    private void SetState(InteractionState state)
    {
        lock (_stateLock)
        {
            _state = state;
        }

        if (state != InteractionState.New)
        {
            _initialResponseDecided.TrySetResult();
        }
    }

    private static bool IsCallerCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: callback type {Type} sent {ElapsedMs:0} ms after receipt")]
        public static partial void Responded(ILogger logger, ulong interactionId, int type, double elapsedMs);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: a second initial response was refused (state {State})")]
        public static partial void SecondResponseRefused(ILogger logger, ulong interactionId, InteractionState state);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: not answered, {ElapsedMs:0} ms passed since receipt (Discord allows 3 s)")]
        public static partial void InitialWindowMissed(ILogger logger, ulong interactionId, double elapsedMs);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: {What} not sent: the interaction token's 15 minutes are over")]
        public static partial void TokenExpired(ILogger logger, ulong interactionId, string what);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: {What} not sent in state {State}")]
        public static partial void SendRefused(ILogger logger, ulong interactionId, string what, InteractionState state);

        [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: {What} refused by Discord with 40060 (already acknowledged); not retrying")]
        public static partial void AlreadyAcknowledged(ILogger logger, ulong interactionId, string what);

        [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: {What} refused by Discord with 10062 (unknown interaction) {ElapsedMs:0} ms after receipt; not retrying")]
        public static partial void UnknownInteraction(ILogger logger, ulong interactionId, string what, double elapsedMs);

        [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: {What} failed: the interaction webhook is gone; not retrying")]
        public static partial void WebhookGone(ILogger logger, ulong interactionId, string what);

        [LoggerMessage(EventId = 3108, Level = LogLevel.Error, Message = "Interaction {InteractionId}: {What} failed")]
        public static partial void SendFailed(ILogger logger, Exception exception, ulong interactionId, string what);

        [LoggerMessage(EventId = 3109, Level = LogLevel.Error, Message = "Interaction {InteractionId}: payload refused by the local validator")]
        public static partial void PayloadRefused(ILogger logger, Exception exception, ulong interactionId);

        [LoggerMessage(EventId = 3110, Level = LogLevel.Error, Message = "Interaction {InteractionId}: {What} not sent: the application id is unknown (set Discord:ApplicationId)")]
        public static partial void NoApplicationId(ILogger logger, ulong interactionId, string what);
    }
}
