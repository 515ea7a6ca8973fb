using System.Buffers;
using System.Text.Json;
using Bot.Discord.Diagnostics;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Interactions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Http;

/// <summary>
/// <c>POST /interactions</c>: Discord's outgoing webhook. The signature is checked over the raw bytes before
/// anything is parsed; PING gets PONG; everything else goes through <see cref="InteractionHandler"/> like a gateway
/// interaction, with the initial response written as this request's body (an answer, or a deferral followed by an
/// edit over REST). Errors are short plain text, never a stack trace.
/// </summary>
public sealed partial class InteractionsEndpoint
{
    private readonly InteractionSignatureVerifier _verifier;
    private readonly InteractionHandler _handler;
    private readonly WorkTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionsEndpoint> _logger;
    private readonly int _maxBodyBytes;
    private readonly BotMetrics? _metrics;
    private readonly IInteractionClaims? _claims;

    public InteractionsEndpoint(
        IOptions<DiscordBotOptions> options,
        InteractionHandler handler,
        WorkTracker tracker,
        TimeProvider time,
        ILogger<InteractionsEndpoint> logger,
        BotMetrics? metrics = null,
        IInteractionClaims? claims = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _claims = claims;
        if (!Ed25519PublicKey.TryParse(options.Value.PublicKey, out var key))
        {
            throw new InvalidOperationException("Discord:PublicKey is not a valid Ed25519 public key.");
        }

        _verifier = new InteractionSignatureVerifier(key, time, options.Value.Http.SignatureWindow);
        _handler = handler;
        _tracker = tracker;
        _time = time;
        _logger = logger;
        _maxBodyBytes = options.Value.Http.MaxBodyBytes;
        _metrics = metrics;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var received = _time.GetTimestamp();
        var request = context.Request;
        var response = context.Response;
        if (request.ContentLength > _maxBodyBytes)
        {
            await PlainAsync(response, StatusCodes.Status413PayloadTooLarge, "request body too large").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request, _maxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await PlainAsync(response, StatusCodes.Status413PayloadTooLarge, "request body too large").ConfigureAwait(false);
            return;
        }

        var check = _verifier.Verify(
            request.Headers[InteractionSignatureVerifier.SignatureHeader].ToString(),
            request.Headers[InteractionSignatureVerifier.TimestampHeader].ToString(),
            body);
        if (check != SignatureCheck.Valid)
        {
            Log.SignatureRefused(_logger, check);
            await PlainAsync(response, StatusCodes.Status401Unauthorized, "invalid request signature").ConfigureAwait(false);
            return;
        }

        Interaction interaction;
        try
        {
            interaction = InteractionJson.Parse(body);
        }
        catch (JsonException)
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, "malformed interaction").ConfigureAwait(false);
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            await JsonAsync(response, InteractionResponse.Pong(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(interaction.Token))
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, "malformed interaction").ConfigureAwait(false);
            return;
        }

        await HandleInteractionAsync(context, interaction, received).ConfigureAwait(false);
    }

    private async Task HandleInteractionAsync(HttpContext context, Interaction interaction, long received)
    {
        // Refused before it is claimed, so a balancer may retry a 503 on another replica.
        if (!_tracker.TryBegin(out var lease))
        {
            await PlainAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "shutting down").ConfigureAwait(false);
            return;
        }

        bool claimed;
        try
        {
            claimed = _claims is null || await _claims.TryClaimAsync(interaction.Id, context.RequestAborted).ConfigureAwait(false);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        if (!claimed)
        {
            // Another replica (or an earlier delivery) has it; that one answers. Discord never retries on its own,
            // so this is a proxy's retry or a replay, and no second answer may go out.
            lease.Dispose();
            Log.AlreadyClaimed(_logger, interaction.Id);
            await PlainAsync(context.Response, StatusCodes.Status409Conflict, "interaction already handled").ConfigureAwait(false);
            return;
        }

        // The handling outlives this request (a deferred answer is edited later), so it is not tied to RequestAborted,
        // nor to ApplicationStopping: on SIGTERM the deferred answers still get their edits while the tracker drains,
        // and only what is left when the drain times out is cancelled (measured in the load benchmark: cancelling at
        // the signal left every deferred answer of a busy replica unedited).
        var linked = CancellationTokenSource.CreateLinkedTokenSource(_tracker.Aborted);
        var channel = new HttpInitialResponseChannel();
        InteractionHandling handling;
        try
        {
            handling = _handler.Start(interaction, received, linked.Token, channel);
        }
        catch
        {
            linked.Dispose();
            lease.Dispose();
            throw;
        }

        _ = FinishAsync(handling.Completion, interaction, lease, linked);

        var timeLeft = handling.Session.InitialResponseTimeLeft;
        if (!channel.Response.IsCompleted && timeLeft > TimeSpan.Zero)
        {
            using var stopWaiting = new CancellationTokenSource();
            var window = Task.Delay(timeLeft, _time, stopWaiting.Token);
            await Task.WhenAny(channel.Response, handling.Completion, window).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
        }

        if (channel.TryClose())
        {
            Log.NoInitialResponse(_logger, interaction.Id);
            await PlainAsync(context.Response, StatusCodes.Status500InternalServerError, "no response").ConfigureAwait(false);
            return;
        }

        try
        {
            await JsonAsync(context.Response, await channel.Response.ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
            channel.Written();
        }
        catch (Exception ex)
        {
            channel.WriteFailed(ex);
            throw;
        }
    }

    private async Task FinishAsync(Task<InteractionSession> completion, Interaction interaction, WorkTracker.WorkLease lease, CancellationTokenSource linked)
    {
        var interactionId = interaction.Id;
        try
        {
            var session = await completion.ConfigureAwait(false);
            _metrics?.InteractionHandled(interaction, session);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Log.Cancelled(_logger, interactionId);
        }
        catch (Exception ex)
        {
            Log.Failed(_logger, ex, interactionId);
        }
        finally
        {
            linked.Dispose();
            lease.Dispose();
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (whatever Content-Length said).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length and > 0 ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static Task PlainAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }

    private static async Task JsonAsync(HttpResponse response, InteractionResponse body, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(response.Body, body, DiscordJson.Options, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3900, Level = LogLevel.Debug, Message = "POST /interactions refused: signature check {Check}")]
        public static partial void SignatureRefused(ILogger logger, SignatureCheck check);

        [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: no initial response within Discord's 3 s; answering 500")]
        public static partial void NoInitialResponse(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3902, Level = LogLevel.Information, Message = "Interaction {InteractionId} (HTTP) cancelled by shutdown")]
        public static partial void Cancelled(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3904, Level = LogLevel.Information, Message = "Interaction {InteractionId} (HTTP) was already taken on; answering 409")]
        public static partial void AlreadyClaimed(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3903, Level = LogLevel.Error, Message = "Interaction {InteractionId} (HTTP) failed")]
        public static partial void Failed(ILogger logger, Exception exception, ulong interactionId);
    }
}
