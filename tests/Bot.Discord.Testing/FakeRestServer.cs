using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Testing;

/// <summary>
/// A loopback fake of the Discord REST API v10 routes the bot uses, on Kestrel 127.0.0.1 with a free port.
/// Records every request; answers from per-route scripts (<see cref="Enqueue"/>) first, else with sensible defaults.
/// </summary>
public sealed class FakeRestServer : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";

    private static readonly (string Method, string Template, string OperationId)[] Routes =
    [
        ("GET", "/gateway/bot", "get_bot_gateway"),
        ("GET", "/applications/@me", "get_my_application"),
        ("GET", "/users/@me", "get_my_user"),
        ("GET", "/applications/{application_id}/commands", "list_application_commands"),
        ("PUT", "/applications/{application_id}/commands", "bulk_set_application_commands"),
        ("GET", "/applications/{application_id}/guilds/{guild_id}/commands", "list_guild_application_commands"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", "bulk_set_guild_application_commands"),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback", "create_interaction_response"),
        ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "update_original_webhook_message"),
        ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "delete_original_webhook_message"),
        ("POST", "/webhooks/{webhook_id}/{webhook_token}", "execute_webhook"),
        ("POST", "/channels/{channel_id}/messages", "create_message"),
    ];

    private readonly WebApplication _app;
    private readonly List<FakeRestRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _requestWaiters = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeRestResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _channelMessages = [];
    private readonly Dictionary<string, JsonObject> _originals = new(StringComparer.Ordinal);
    private long _nextId = 1_100_000_000_000_000_000;

    private FakeRestServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Root the client should use as its base URL, e.g. <c>http://127.0.0.1:40123/api/v10</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The <c>url</c> GET /gateway/bot returns; point it at a fake gateway.</summary>
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg/";

    public ulong ApplicationId { get; set; } = 775799577604522054;

    public ulong BotUserId { get; set; } = 80351110224678912;

    /// <summary>Raised (on the server's thread, outside its lock) as each request is recorded, before it is answered.</summary>
    public event Action<FakeRestRequest>? RequestRecorded;

    public IReadOnlyList<FakeRestRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeRestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeRestServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeRestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + ApiPrefix);
        return server;
    }

    /// <summary>Queues one-shot answers for a route, used in order before the route's default.</summary>
    public void Enqueue(string method, string routeTemplate, params FakeRestResponse[] responses)
    {
        if (!Routes.Any(r => r.Method == method && r.Template == routeTemplate))
        {
            throw new ArgumentException($"Unknown route {method} {routeTemplate}.", nameof(routeTemplate));
        }

        var queue = _scripts.GetOrAdd(Key(method, routeTemplate), _ => new ConcurrentQueue<FakeRestResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived (a safety timeout turns a hang into a failure).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_requests)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            _requestWaiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public IReadOnlyList<FakeRestRequest> RequestsTo(string method, string routeTemplate) =>
        Requests.Where(r => r.Method == method && r.RouteTemplate == routeTemplate).ToList();

    /// <summary>Messages created in channels, in order; a create with an enforced nonce already seen creates none.</summary>
    public IReadOnlyList<JsonObject> ChannelMessages
    {
        get
        {
            lock (_channelMessages)
            {
                return [.. _channelMessages];
            }
        }
    }

    /// <summary>An interaction's original response as its last edit left it; null before any edit.</summary>
    public JsonObject? OriginalMessage(string interactionToken)
    {
        lock (_originals)
        {
            return _originals.GetValueOrDefault(interactionToken)?.DeepClone().AsObject();
        }
    }

    /// <summary>Commands stored by bulk PUT, per scope (<c>global</c> or the guild id).</summary>
    public JsonArray CommandsIn(string scope) => _commands.GetOrAdd(scope, _ => []);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The operations Discord documents with a <c>files[n]</c> parameter, among those faked.</summary>
    private static readonly HashSet<string> FileOperations = new(StringComparer.Ordinal)
    {
        "create_interaction_response", "update_original_webhook_message", "execute_webhook", "create_message",
    };

    private static string Key(string method, string template) => method + " " + template;

    private static (string Template, string OperationId, Dictionary<string, string> Values)? Match(string method, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (m, template, operationId) in Routes)
        {
            if (m != method)
            {
                continue;
            }

            var tparts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (tparts.Length != parts.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < parts.Length && ok; i++)
            {
                if (tparts[i].StartsWith('{'))
                {
                    values[tparts[i].Trim('{', '}')] = Uri.UnescapeDataString(parts[i]);
                }
                else
                {
                    ok = tparts[i] == parts[i];
                }
            }

            if (ok)
            {
                return (template, operationId, values);
            }
        }

        return null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawPath = request.Path.Value ?? "";
        var path = rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? rawPath[ApiPrefix.Length..] : rawPath;
        string? body = null;
        IReadOnlyList<FakeRestFile> files = [];
        string? formError = null;
        var multipart = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (multipart)
        {
            (body, files, formError) = await ReadMultipartAsync(request, mediaType!, context.RequestAborted).ConfigureAwait(false);
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var match = rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? Match(request.Method, path) : null;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        FakeRestRequest recorded;
        lock (_requests)
        {
            recorded = new FakeRestRequest(_requests.Count, request.Method, path, match?.Template, match?.OperationId, headers, body)
            {
                Files = files,
                IsMultipart = multipart,
            };
            _requests.Add(recorded);
            foreach (var waiter in _requestWaiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _requestWaiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        RequestRecorded?.Invoke(recorded);

        if (match is not { } route)
        {
            await WriteAsync(context, 404, """{"message": "404: Not Found", "code": 0}""").ConfigureAwait(false);
            return;
        }

        formError ??= multipart && !FileOperations.Contains(route.OperationId) ? "this endpoint takes no files" : null;
        if (formError is not null)
        {
            await WriteAsync(context, 400, new JsonObject { ["message"] = "Invalid Form Body: " + formError, ["code"] = 50035 }.ToJsonString()).ConfigureAwait(false);
            return;
        }

        var scripted = _scripts.TryGetValue(Key(request.Method, route.Template), out var queue) && queue.TryDequeue(out var next)
            ? next
            : FakeRestResponse.Default();
        if (scripted.Delay > TimeSpan.Zero)
        {
            await Task.Delay(scripted.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        foreach (var (name, value) in scripted.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (scripted.Status is { } status)
        {
            if (scripted.FailAfterWriting)
            {
                DefaultAnswer(route.OperationId, route.Values, body, files);
            }

            await WriteAsync(context, status, scripted.Body).ConfigureAwait(false);
            return;
        }

        var (defaultStatus, defaultBody) = DefaultAnswer(route.OperationId, route.Values, body, files);
        await WriteAsync(context, defaultStatus, defaultBody).ConfigureAwait(false);
    }

    private (int Status, string? Body) DefaultAnswer(string operationId, Dictionary<string, string> values, string? body, IReadOnlyList<FakeRestFile> files)
    {
        switch (operationId)
        {
            case "get_bot_gateway":
                return (200, new JsonObject
                {
                    ["url"] = GatewayUrl,
                    ["shards"] = 9,
                    ["session_start_limit"] = new JsonObject
                    {
                        ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1,
                    },
                }.ToJsonString());
            case "get_my_application":
                return (200, new JsonObject { ["id"] = Id(ApplicationId), ["name"] = "Fake Application", ["description"] = "", ["bot_public"] = true }.ToJsonString());
            case "get_my_user":
                return (200, new JsonObject { ["id"] = Id(BotUserId), ["username"] = "Nelly", ["discriminator"] = "1337", ["avatar"] = null, ["bot"] = true }.ToJsonString());
            case "list_application_commands":
                return (200, CommandsIn("global").ToJsonString());
            case "list_guild_application_commands":
                return (200, CommandsIn(values["guild_id"]).ToJsonString());
            case "bulk_set_application_commands":
                return (200, StoreCommands("global", values["application_id"], null, body));
            case "bulk_set_guild_application_commands":
                return (200, StoreCommands(values["guild_id"], values["application_id"], values["guild_id"], body));
            case "create_interaction_response":
            case "delete_original_webhook_message":
                return (204, null);
            case "update_original_webhook_message":
                return (200, EditOriginal(body, files, values["webhook_token"]));
            case "execute_webhook":
                return (200, MessageObject(body, channelId: "645027906669510667", webhookId: values["webhook_id"], files));
            case "create_message":
                return (200, CreateChannelMessage(body, values["channel_id"]));
            default:
                return (404, """{"message": "404: Not Found", "code": 0}""");
        }
    }

    private string StoreCommands(string scope, string applicationId, string? guildId, string? body)
    {
        var incoming = JsonNode.Parse(body ?? "[]") as JsonArray ?? [];
        var stored = new JsonArray();
        foreach (var node in incoming)
        {
            var command = node?.DeepClone().AsObject() ?? [];
            command["id"] = NextId();
            command["application_id"] = applicationId;
            if (guildId is not null)
            {
                command["guild_id"] = guildId;
            }

            command["type"] ??= 1;
            command["description"] ??= "";
            command["version"] = NextId();
            stored.Add(command);
        }

        _commands[scope] = stored;
        return stored.ToJsonString();
    }

    /// <summary>MSG "Create Message": with <c>enforce_nonce</c>, a nonce seen before returns that message again.</summary>
    private string CreateChannelMessage(string? body, string channelId)
    {
        var sent = JsonNode.Parse(string.IsNullOrEmpty(body) ? "{}" : body) as JsonObject ?? [];
        var nonce = sent["nonce"]?.ToJsonString();
        var enforced = sent["enforce_nonce"]?.GetValue<bool>() == true;
        lock (_channelMessages)
        {
            if (enforced && nonce is not null
                && _channelMessages.FirstOrDefault(m => m["nonce"]?.ToJsonString() == nonce) is { } existing)
            {
                return existing.ToJsonString();
            }

            var message = JsonNode.Parse(MessageObject(body, channelId, webhookId: null, []))!.AsObject();
            if (nonce is not null)
            {
                message["nonce"] = sent["nonce"]!.DeepClone();
            }

            _channelMessages.Add(message);
            return message.ToJsonString();
        }
    }

    /// <summary>
    /// WH "Edit Webhook Message": the message keeps the attachments its <c>attachments</c> array lists (existing ones by
    /// their id, new uploads by their <c>files[n]</c> index) and loses the others, so repeating an edit never doubles a file.
    /// </summary>
    private string EditOriginal(string? body, IReadOnlyList<FakeRestFile> files, string token)
    {
        lock (_originals)
        {
            var previous = _originals.GetValueOrDefault(token);
            var edited = JsonNode.Parse(MessageObject(body, "645027906669510667", Id(ApplicationId), files, previous?["attachments"]?.AsArray()))!.AsObject();
            if (previous is not null)
            {
                edited["id"] = previous["id"]!.DeepClone();
                var sent = JsonNode.Parse(string.IsNullOrEmpty(body) ? "{}" : body) as JsonObject ?? [];
                foreach (var kept in new[] { "content", "embeds", "components", "flags" }.Where(k => sent[k] is null))
                {
                    edited[kept] = previous[kept]?.DeepClone();
                }
            }

            _originals[token] = edited;
            return edited.ToJsonString();
        }
    }

    private string MessageObject(string? body, string channelId, string? webhookId, IReadOnlyList<FakeRestFile> files, JsonArray? existing = null)
    {
        var sent = JsonNode.Parse(string.IsNullOrEmpty(body) ? "{}" : body) as JsonObject ?? [];
        var message = new JsonObject
        {
            ["id"] = NextId(),
            ["channel_id"] = channelId,
            ["type"] = sent["message_reference"] is null ? 0 : 19,
            ["content"] = sent["content"]?.DeepClone() ?? "",
            ["embeds"] = sent["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = sent["components"]?.DeepClone() ?? new JsonArray(),
            ["attachments"] = Attachments(sent["attachments"] as JsonArray, files, existing),
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["mention_everyone"] = false,
            ["pinned"] = false,
            ["tts"] = false,
            ["flags"] = sent["flags"]?.DeepClone() ?? 0,
            ["timestamp"] = "2017-07-11T17:27:07.299000+00:00",
            ["edited_timestamp"] = null,
            ["author"] = new JsonObject { ["id"] = Id(BotUserId), ["username"] = "Nelly", ["discriminator"] = "1337", ["avatar"] = null, ["bot"] = true },
        };
        if (webhookId is not null)
        {
            message["webhook_id"] = webhookId;
            message["application_id"] = Id(ApplicationId);
        }

        return message.ToJsonString();
    }

    /// <summary>Attachment objects for the <c>attachments</c> a message body lists.</summary>
    private JsonArray Attachments(JsonArray? listed, IReadOnlyList<FakeRestFile> files, JsonArray? existing)
    {
        var result = new JsonArray();
        foreach (var entry in listed ?? [])
        {
            var id = entry?["id"]?.ToString();
            if (files.FirstOrDefault(f => f.PartName == $"files[{id}]") is { } file)
            {
                var attachmentId = NextId();
                result.Add(new JsonObject
                {
                    ["id"] = attachmentId,
                    ["filename"] = entry?["filename"]?.DeepClone() ?? file.FileName,
                    ["size"] = file.Content.Length,
                    ["content_type"] = file.ContentType,
                    ["url"] = $"https://cdn.discordapp.com/attachments/645027906669510667/{attachmentId}/{Uri.EscapeDataString(file.FileName)}",
                    ["proxy_url"] = $"https://media.discordapp.net/attachments/645027906669510667/{attachmentId}/{Uri.EscapeDataString(file.FileName)}",
                });
            }
            else if (existing?.FirstOrDefault(a => a?["id"]?.ToString() == id) is { } kept)
            {
                result.Add(kept.DeepClone());
            }
        }

        return result;
    }

    /// <summary>
    /// Reference "Uploading Files": the JSON body is the <c>payload_json</c> part; each <c>files[n]</c> part needs a
    /// file name, a unique name, and an entry with id n in the payload's <c>attachments</c>.
    /// </summary>
    private static async Task<(string? Body, IReadOnlyList<FakeRestFile> Files, string? Error)> ReadMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue mediaType, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, [], "multipart body without a boundary");
        }

        var reader = new MultipartReader(boundary, request.Body);
        string? payload = null;
        var files = new List<FakeRestFile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? error = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    error ??= "a part without a form-data Content-Disposition";
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!names.Add(name))
                {
                    error ??= $"part name {name} used twice";
                }

                if (name == "payload_json")
                {
                    payload = Encoding.UTF8.GetString(content.ToArray());
                }
                else if (name.StartsWith("files[", StringComparison.Ordinal) && name.EndsWith(']'))
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    if (string.IsNullOrEmpty(fileName))
                    {
                        error ??= $"{name} has no filename";
                    }

                    files.Add(new FakeRestFile(name, fileName ?? "", section.ContentType, content.ToArray()));
                }
                else
                {
                    error ??= $"unexpected part {name}";
                }
            }
        }
        catch (IOException e)
        {
            return (payload, files, "malformed multipart body: " + e.Message);
        }

        var attachmentIds = AttachmentIds(payload);
        foreach (var file in files.Where(f => !attachmentIds.Contains(f.PartName["files[".Length..^1])))
        {
            error ??= $"{file.PartName} is not referenced by any attachment";
        }

        return (payload, files, error);
    }

    private static HashSet<string> AttachmentIds(string? payload)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (payload is null || JsonNode.Parse(payload) is not JsonObject root)
        {
            return ids;
        }

        // An interaction callback nests the message in "data".
        var message = root["data"] as JsonObject ?? root;
        foreach (var entry in message["attachments"] as JsonArray ?? [])
        {
            if (entry?["id"]?.ToString() is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, int status, string? body)
    {
        context.Response.StatusCode = status;
        if (body is null || status == 204)
        {
            return;
        }

        context.Response.ContentType = body.StartsWith('<') ? "text/html" : "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
