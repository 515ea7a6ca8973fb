using System.Collections.Concurrent;
using System.Globalization;
using Bot.Discord.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Discord.Gateway;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest.RateLimiting;
using Bot.Discord.Rest.Responses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord REST API v10 client: one instance per bot token (register with
/// <see cref="DiscordRestServiceCollectionExtensions.AddDiscordRest(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{DiscordRestOptions})"/>).
/// </summary>
public sealed class DiscordRestClient : IDiscordRestClient
{
    public const string HttpClientName = "Bot.Discord.Rest";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly DiscordRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RateLimiter _rateLimiter;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly string _baseUrl;
    private readonly ConcurrentDictionary<string, byte> _goneWebhooks = new(StringComparer.Ordinal);
    private readonly BotMetrics? _metrics;
    private volatile bool _unauthorized;

    public DiscordRestClient(
        IHttpClientFactory httpClientFactory,
        IOptions<DiscordRestOptions> options,
        TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _rateLimiter = new RateLimiter(timeProvider, _options.GlobalRequestsPerSecond);
        _authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        _userAgent = $"DiscordBot ({_options.UserAgentUrl}, {_options.UserAgentVersion})";
        _baseUrl = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>True once Discord answered 401; every later call fails without a request.</summary>
    public bool IsDisabled => _unauthorized;

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var route = new RestRoute(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "", IsInteraction: false);
        var r = await SendAsync<GatewayBotResponse>(route, null, cancellationToken).ConfigureAwait(false);
        var limit = r.SessionStartLimit;
        return new GatewayBotInfo(r.Url, r.Shards, new SessionStartLimit(limit.Total, limit.Remaining, limit.ResetAfter, limit.MaxConcurrency));
    }

    public Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync<CurrentApplication>(
            new RestRoute(HttpMethod.Get, "/applications/@me", "/applications/@me", "", IsInteraction: false), null, cancellationToken);

    public Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync<CurrentUser>(
            new RestRoute(HttpMethod.Get, "/users/@me", "/users/@me", "", IsInteraction: false), null, cancellationToken);

    public Task<IReadOnlyList<RegisteredCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<RegisteredCommand>>(GlobalCommands(HttpMethod.Get, applicationId), null, cancellationToken);

    public Task<IReadOnlyList<RegisteredCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<RegisteredCommand>>(GuildCommands(HttpMethod.Get, applicationId, guildId), null, cancellationToken);

    public Task<IReadOnlyList<RegisteredCommand>> OverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = GlobalCommands(HttpMethod.Put, applicationId);
        EnsureValid(route, MessageValidator.Validate(commands));
        return SendAsync<IReadOnlyList<RegisteredCommand>>(route, commands, cancellationToken);
    }

    public Task<IReadOnlyList<RegisteredCommand>> OverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = GuildCommands(HttpMethod.Put, applicationId, guildId);
        EnsureValid(route, MessageValidator.Validate(commands));
        return SendAsync<IReadOnlyList<RegisteredCommand>>(route, commands, cancellationToken);
    }

    public async Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        // Each interaction is its own resource, so unrelated interactions never queue behind each other.
        var route = new RestRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{interaction_token}/callback",
            $"/interactions/{RestRoute.Segment(interactionId)}/{RestRoute.Segment(interactionToken)}/callback",
            RestRoute.Segment(interactionId),
            IsInteraction: true);
        EnsureValid(route, MessageValidator.Validate(response));
        await SendAsync<JsonElement?>(route, response, cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            await CreateInteractionResponseAsync(interactionId, interactionToken, response, cancellationToken).ConfigureAwait(false);
            return;
        }

        var message = response.Data as MessagePayload;
        response = (response.Type, message) switch
        {
            (InteractionCallbackType.ChannelMessageWithSource, { } m) => InteractionResponse.Message(WithAttachments(m, files)),
            (InteractionCallbackType.UpdateMessage, { } m) => InteractionResponse.UpdateMessage(WithAttachments(m, files)),
            _ => throw new ArgumentException($"Only message responses (callback types 4 and 7) carry files, not type {(int)response.Type}.", nameof(response)),
        };
        var route = new RestRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{interaction_token}/callback",
            $"/interactions/{RestRoute.Segment(interactionId)}/{RestRoute.Segment(interactionToken)}/callback",
            RestRoute.Segment(interactionId),
            IsInteraction: true);
        var withFiles = (MessagePayload)response.Data!;
        EnsureValid(route, [.. MessageValidator.Validate(response), .. Prefixed("data", MessageValidator.ValidateFiles(withFiles, files))]);
        await SendAsync<JsonElement?>(route, Multipart(response, files), cancellationToken).ConfigureAwait(false);
    }

    public Task<DiscordMessage> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        var route = InteractionWebhook(
            HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", "/messages/@original",
            applicationId, interactionToken);
        EnsureValid(route, MessageValidator.Validate(message, MessageTarget.EditOriginal));
        return SendAsync<DiscordMessage>(route, message, cancellationToken);
    }

    public Task<DiscordMessage> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return EditOriginalResponseAsync(applicationId, interactionToken, message, cancellationToken);
        }

        var route = InteractionWebhook(
            HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", "/messages/@original",
            applicationId, interactionToken);
        return SendWithFilesAsync(route, message, files, MessageTarget.EditOriginal, cancellationToken);
    }

    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken)
    {
        var route = InteractionWebhook(
            HttpMethod.Delete, "/webhooks/{application_id}/{interaction_token}/messages/@original", "/messages/@original",
            applicationId, interactionToken);
        return SendAsync<JsonElement?>(route, null, cancellationToken);
    }

    public Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        var route = InteractionWebhook(
            HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", "", applicationId, interactionToken);
        EnsureValid(route, MessageValidator.Validate(message, MessageTarget.FollowUp));
        return SendAsync<DiscordMessage>(route, message, cancellationToken);
    }

    public Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return CreateFollowupMessageAsync(applicationId, interactionToken, message, cancellationToken);
        }

        var route = InteractionWebhook(
            HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", "", applicationId, interactionToken);
        return SendWithFilesAsync(route, message, files, MessageTarget.FollowUp, cancellationToken);
    }

    /// <summary>A message with files: its attachments listed, checked with them, sent as multipart/form-data.</summary>
    private Task<DiscordMessage> SendWithFilesAsync(RestRoute route, MessagePayload message, IReadOnlyList<FileUpload> files, MessageTarget target, CancellationToken cancellationToken)
    {
        message = WithAttachments(message, files);
        EnsureValid(route, [.. MessageValidator.Validate(message, target), .. MessageValidator.ValidateFiles(message, files)]);
        return SendAsync<DiscordMessage>(route, Multipart(message, files), cancellationToken);
    }

    public Task<DiscordMessage> CreateMessageAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The body is serialized once, so every retry of this create carries the same nonce.
        message = message with { Nonce = message.Nonce ?? NewNonce(), EnforceNonce = true };
        var id = RestRoute.Segment(channelId);
        var route = new RestRoute(
            HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{id}/messages", id, IsInteraction: false);
        EnsureValid(route, MessageValidator.Validate(message, MessageTarget.ChannelMessage));
        return SendAsync<DiscordMessage>(route, message, cancellationToken);
    }

    private static RestRoute GlobalCommands(HttpMethod method, ulong applicationId) =>
        new(method, "/applications/{application_id}/commands",
            $"/applications/{RestRoute.Segment(applicationId)}/commands", "", IsInteraction: false);

    private static RestRoute GuildCommands(HttpMethod method, ulong applicationId, ulong guildId) =>
        new(method, "/applications/{application_id}/guilds/{guild_id}/commands",
            $"/applications/{RestRoute.Segment(applicationId)}/guilds/{RestRoute.Segment(guildId)}/commands",
            RestRoute.Segment(guildId), IsInteraction: false);

    private static RestRoute InteractionWebhook(
        HttpMethod method, string template, string suffix, ulong applicationId, string interactionToken)
    {
        var id = RestRoute.Segment(applicationId);
        var token = RestRoute.Segment(interactionToken);
        return new RestRoute(method, template, $"/webhooks/{id}/{token}{suffix}", $"{id}/{token}", IsInteraction: true);
    }

    /// <summary>The message with an <c>attachments</c> entry for each file, its id the file's index (Reference "Uploading Files").</summary>
    private static MessagePayload WithAttachments(MessagePayload message, IReadOnlyList<FileUpload> files) =>
        message with
        {
            Attachments =
            [
                .. message.Attachments ?? [],
                .. files.Select((file, i) => new MessageAttachment((ulong)i, file.FileName) { Description = file.Description }),
            ],
        };

    private static RequestBody Multipart(object payload, IReadOnlyList<FileUpload> files)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), DiscordJson.Options);
        var body = MultipartBody.Create(json, files);
        return new RequestBody(body.Bytes, body.ContentType);
    }

    private static IEnumerable<PayloadViolation> Prefixed(string prefix, IEnumerable<PayloadViolation> violations) =>
        violations.Select(v => v with { Path = prefix + "." + v.Path });

    private static void EnsureValid(RestRoute route, IReadOnlyList<PayloadViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new DiscordPayloadValidationException(route.Method.Method, route.Template, violations);
        }
    }

    private Task<T> SendAsync<T>(RestRoute route, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(
            route,
            body is null ? null : new RequestBody(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options), JsonMediaType.MediaType!),
            cancellationToken);

    /// <summary>Sends <paramref name="bodyBytes"/>, built once, on every attempt: a retry repeats the request exactly.</summary>
    private async Task<T> SendAsync<T>(RestRoute route, RequestBody? bodyBytes, CancellationToken cancellationToken)
    {
        var method = route.Method.Method;
        var failures = 0;
        var rateLimitHits = 0;

        while (true)
        {
            ThrowIfUnusable(route);
            var held = _rateLimiter.GetBucket(route);
            await held.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            HttpStatusCode status;
            string? responseBody;
            RateLimitHeaders headers;
            try
            {
                await WaitForBucketAsync(route, held, cancellationToken).ConfigureAwait(false);
                if (!route.IsInteraction)
                {
                    await WaitForGlobalAsync(route, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfUnusable(route);
                var started = _time.GetTimestamp();
                try
                {
                    (status, responseBody, headers) = await SendOnceAsync(route, bodyBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    failures++;
                    if (failures > _options.MaxRetries)
                    {
                        throw new DiscordTransportException(method, route.Template, failures, ex);
                    }

                    await BackoffAsync(route, failures, ex is OperationCanceledException ? "timeout" : ex.GetType().Name, cancellationToken)
                        .ConfigureAwait(false);
                    continue;
                }

                DiscordRestLog.Completed(_logger, method, route.Template, (int)status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
                _metrics?.RestRequest(route.RouteKey, (int)status);
                var bucket = _rateLimiter.Update(route, held, headers);
                if (status == HttpStatusCode.TooManyRequests)
                {
                    rateLimitHits++;
                    OnRateLimited(route, bucket, headers, responseBody, rateLimitHits);
                    continue;
                }
            }
            finally
            {
                held.Gate.Release();
            }

            if ((int)status is >= 200 and < 300)
            {
                return Deserialize<T>(status, responseBody, route);
            }

            if ((int)status >= 500)
            {
                failures++;
                if (failures <= _options.MaxRetries)
                {
                    await BackoffAsync(route, failures, $"HTTP {(int)status}", cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            throw OnFailure(route, status, responseBody);
        }
    }

    private async Task<(HttpStatusCode, string?, RateLimitHeaders)> SendOnceAsync(
        RestRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path);
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (body is not null)
        {
            request.Content = new ReadOnlyMemoryContent(body.Bytes)
            {
                Headers = { ContentType = body.ContentType == JsonMediaType.MediaType ? JsonMediaType : MediaTypeHeaderValue.Parse(body.ContentType) },
            };
        }

        using var attemptTimeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        var text = response.Content is null ? null : await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        return (response.StatusCode, text, RateLimitHeaders.Parse(response.Headers));
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private void ThrowIfUnusable(RestRoute route)
    {
        if (_unauthorized)
        {
            throw new DiscordUnauthorizedException(null, null, route.Method.Method, route.Template, refusedLocally: true);
        }

        if (route.IsWebhook && _goneWebhooks.ContainsKey(route.MajorKey))
        {
            throw new DiscordWebhookUnavailableException(route.Method.Method, route.Template);
        }
    }

    private async Task WaitForBucketAsync(RestRoute route, BucketState bucket, CancellationToken cancellationToken)
    {
        var wait = bucket.WaitTime(_rateLimiter.Now);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        EnsureAcceptableWait(route, wait, scope: null, global: false);
        DiscordRestLog.WaitingForBucket(_logger, route.Method.Method, route.Template, wait.TotalMilliseconds);
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForGlobalAsync(RestRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pause = _rateLimiter.GlobalPauseRemaining();
            if (pause > TimeSpan.Zero)
            {
                EnsureAcceptableWait(route, pause, "global", global: true);
                DiscordRestLog.WaitingForGlobal(_logger, route.Method.Method, route.Template, pause.TotalMilliseconds);
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var slot = _rateLimiter.TryTakeGlobalSlot();
            if (slot <= TimeSpan.Zero)
            {
                return;
            }

            DiscordRestLog.WaitingForGlobal(_logger, route.Method.Method, route.Template, slot.TotalMilliseconds);
            await Task.Delay(slot, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnRateLimited(RestRoute route, BucketState bucket, RateLimitHeaders headers, string? body, int hits)
    {
        double? retryAfter = null;
        var global = headers.Global || string.Equals(headers.Scope, "global", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(body ?? "");
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    retryAfter = r.GetDouble();
                }

                if (doc.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                {
                    global = true;
                }
            }
        }
        catch (JsonException)
        {
            // Fall back to the headers below.
        }

        var seconds = retryAfter ?? headers.RetryAfterHeaderSeconds ?? headers.ResetAfterSeconds ?? 1.0;
        var delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
        var scope = headers.Scope ?? (global ? "global" : "user");
        DiscordRestLog.RateLimited(_logger, route.Method.Method, route.Template, scope, global, seconds);

        if (global && !route.IsInteraction)
        {
            _rateLimiter.PauseGlobally(delay);
        }
        else
        {
            bucket.Exhaust(_rateLimiter.Now + delay);
        }

        if (hits > _options.MaxRateLimitRetries)
        {
            throw new DiscordRateLimitedException(route.Method.Method, route.Template, delay, scope, global);
        }

        EnsureAcceptableWait(route, delay, scope, global);
    }

    private void EnsureAcceptableWait(RestRoute route, TimeSpan wait, string? scope, bool global)
    {
        if (wait > _options.MaxRateLimitWait)
        {
            throw new DiscordRateLimitedException(route.Method.Method, route.Template, wait, scope, global);
        }
    }

    private async Task BackoffAsync(RestRoute route, int failures, string reason, CancellationToken cancellationToken)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, failures - 1);
        var capped = exponential < _options.RetryMaxDelay ? exponential : _options.RetryMaxDelay;
        var delay = capped + (capped * Random.Shared.NextDouble());
        DiscordRestLog.Retrying(_logger, route.Method.Method, route.Template, failures, reason, delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private DiscordException OnFailure(RestRoute route, HttpStatusCode status, string? body)
    {
        var method = route.Method.Method;
        var error = DiscordErrorParser.Parse(status, body, method, route.Template);
        if (error is DiscordUnauthorizedException)
        {
            _unauthorized = true;
            DiscordRestLog.Unauthorized(_logger, method, route.Template);
            return error;
        }

        if (status == HttpStatusCode.NotFound && route.IsWebhook && error.Code != DiscordErrorCodes.UnknownMessage)
        {
            _goneWebhooks.TryAdd(route.MajorKey, 0);
            DiscordRestLog.WebhookGone(_logger, method, route.Template);
        }

        DiscordRestLog.ApiError(_logger, method, route.Template, (int)status, error.Code, error.ApiMessage);
        return error;
    }

    private static T Deserialize<T>(HttpStatusCode status, string? body, RestRoute route)
    {
        if (status == HttpStatusCode.NoContent || string.IsNullOrWhiteSpace(body))
        {
            // The interaction callback and deletes answer 204; their result type is the optional JsonElement.
            if (typeof(T) == typeof(JsonElement?))
            {
                return default!;
            }

            throw new JsonException($"{route.Method.Method} {route.Template} returned {(int)status} without a body.");
        }

        return JsonSerializer.Deserialize<T>(body, DiscordJson.Options)
            ?? throw new JsonException($"{route.Method.Method} {route.Template} returned a null body.");
    }

    private static string NewNonce() => ((ulong)Random.Shared.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A request body as sent: its bytes and its <c>Content-Type</c>.</summary>
internal sealed record RequestBody(ReadOnlyMemory<byte> Bytes, string ContentType);
