using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.Discord.Gateway;
using Bot.DiscordAdapter.Hosting;

namespace Bot.Discord.Benchmarks;

/// <summary>Stopwatch timestamps of one interaction's way through the bot.</summary>
internal sealed class InteractionTiming
{
    /// <summary>The shard's local receipt (frame fully read, before parsing).</summary>
    public long Receipt { get; set; }

    /// <summary>A dispatch worker handed it to the adapter.</summary>
    public long HandlerStart { get; set; }

    /// <summary>The callback POST entered the HTTP pipeline.</summary>
    public long CallbackSent { get; set; }

    /// <summary>Discord's (the fake's) answer to the callback arrived.</summary>
    public long CallbackAnswered { get; set; }

    /// <summary>The edit of the original response (after a deferral) entered the HTTP pipeline.</summary>
    public long EditSent { get; set; }

    /// <summary>When the user sees the reply: the callback if it carried it, else the edit.</summary>
    public long ReplySent => CallbackType == 5 ? EditSent : CallbackSent;

    public int CallbackType { get; set; }

    public bool Ephemeral { get; set; }

    public int Callbacks { get; set; }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Collects <see cref="InteractionTiming"/>s by interaction id, written from the bot's threads.</summary>
internal sealed class InteractionTimings
{
    private readonly ConcurrentDictionary<ulong, InteractionTiming> _byId = new();

    public InteractionTiming For(ulong interactionId) => _byId.GetOrAdd(interactionId, _ => new InteractionTiming());

    public bool TryGet(ulong interactionId, out InteractionTiming timing) => _byId.TryGetValue(interactionId, out timing!);
}

/// <summary>
/// Sits between the shard and the adapter's real handler to read the gateway's receipt timestamp, which the
/// adapter does not expose. Adds one dictionary write per interaction.
/// </summary>
internal sealed class ReceiptRecordingHandler(DiscordGatewayHandler inner, InteractionTimings timings) : IGatewayEventHandler
{
    public Task OnReadyAsync(Discord.Models.Inbound.ReadyEvent ready, CancellationToken cancellationToken) =>
        inner.OnReadyAsync(ready, cancellationToken);

    public Task OnInteractionCreateAsync(InteractionCreateEvent interactionCreate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interactionCreate);
        var timing = timings.For(interactionCreate.Interaction.Id);
        timing.HandlerStart = Stopwatch.GetTimestamp();
        timing.Receipt = interactionCreate.Receipt.ReceivedTimestamp;
        return inner.OnInteractionCreateAsync(interactionCreate, cancellationToken);
    }

    public Task OnMessageCreateAsync(MessageCreateEvent messageCreate, CancellationToken cancellationToken) =>
        inner.OnMessageCreateAsync(messageCreate, cancellationToken);
}

/// <summary>Timestamps interaction callbacks as they enter and leave the REST client's HTTP pipeline.</summary>
internal sealed class CallbackTimingHandler(InteractionTimings timings) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (EditedInteractionId(request) is { } edited)
        {
            var timing = timings.For(edited);
            lock (timing)
            {
                timing.EditSent = timing.EditSent == 0 ? Stopwatch.GetTimestamp() : timing.EditSent;
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (CallbackInteractionId(request.RequestUri) is not { } id)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var sent = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answered = Stopwatch.GetTimestamp();
        var (type, ephemeral) = request.Content is null ? (0, false) : CallbackKind(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var callback = timings.For(id);
        lock (callback)
        {
            callback.Callbacks++;
            if (callback.Callbacks == 1)
            {
                callback.CallbackSent = sent;
                callback.CallbackAnswered = answered;
                callback.CallbackType = type;
                callback.Ephemeral = ephemeral;
            }
        }

        return response;
    }

    /// <summary>The id in <c>.../interactions/{id}/{token}/callback</c>, or null for any other route.</summary>
    private static ulong? CallbackInteractionId(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments is [.., "interactions", var id, _, "callback"] && ulong.TryParse(id, out var value) ? value : null;
    }

    /// <summary>
    /// The interaction whose original response <c>PATCH .../webhooks/{app}/{token}/messages/@original</c> edits; the
    /// benchmark's tokens end with the interaction id (<see cref="Bot.Discord.Testing.FakeGatewayFixtures.Interaction"/>).
    /// </summary>
    private static ulong? EditedInteractionId(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return request.Method == HttpMethod.Patch
            && segments is [.., "webhooks", _, var token, "messages", "@original"]
            && ulong.TryParse(token[(token.LastIndexOf('_') + 1)..], out var id)
                ? id
                : null;
    }

    private static (int Type, bool Ephemeral) CallbackKind(byte[] body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetInt32();
        var flags = root.TryGetProperty("data", out var data) && data.TryGetProperty("flags", out var f) ? f.GetInt32() : 0;
        return (type, (flags & 64) != 0);
    }
}
