using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Testing;

/// <summary>
/// A loopback Discord gateway (WebSocket on 127.0.0.1) speaking the documented protocol with the checklist's
/// fixture payloads. Path <c>/</c> is the gateway URL, <c>/resume</c> the <c>resume_gateway_url</c> handed out in
/// READY. By default it sends HELLO, ACKs heartbeats, answers Identify with READY and Resume with the missed
/// events then RESUMED; every behaviour can be scripted.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Lock _lock = new();
    private FakeGatewaySession? _session;
    private int _sessions;

    private FakeGateway(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Gateway URL (what GET /gateway/bot would return), without query.</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>The <c>resume_gateway_url</c> put into READY.</summary>
    public Uri ResumeUrl { get; private set; } = null!;

    /// <summary><c>heartbeat_interval</c> sent in HELLO (fixture value 45000; tests use a few hundred ms).</summary>
    public int HeartbeatIntervalMilliseconds { get; set; } = 45_000;

    /// <summary>Whether HELLO is sent on connect (false to exercise the handshake timeout).</summary>
    public bool SendHelloOnConnect { get; set; } = true;

    /// <summary>Whether heartbeats on a connection are ACKed (return false to withhold ACKs: zombie).</summary>
    public Func<FakeGatewayConnection, bool> AckHeartbeats { get; set; } = _ => true;

    /// <summary>Replaces the default Identify answer (new session + READY), e.g. to close with 4004.</summary>
    public Func<FakeGatewayConnection, JsonNode, Task>? OnIdentify { get; set; }

    /// <summary>Replaces the default Resume answer (replay + RESUMED, or op 9 false for an unknown session).</summary>
    public Func<FakeGatewayConnection, JsonNode, Task>? OnResume { get; set; }

    /// <summary>When set, a resume replays events after this sequence instead of the client's (forces duplicates).</summary>
    public long? ReplayAfterSequenceOverride { get; set; }

    /// <summary>Id of the current session, if any.</summary>
    public string? SessionId
    {
        get
        {
            lock (_lock)
            {
                return _session?.Id;
            }
        }
    }

    /// <summary>Last sequence number assigned in the current session.</summary>
    public long Sequence
    {
        get
        {
            lock (_lock)
            {
                return _session?.Sequence ?? 0;
            }
        }
    }

    /// <summary>All connections so far, in order.</summary>
    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeGateway(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var port = new Uri(address).Port;
        fake.GatewayUrl = new Uri($"ws://127.0.0.1:{port}/");
        fake.ResumeUrl = new Uri($"ws://127.0.0.1:{port}/resume");
        return fake;
    }

    /// <summary>Waits until connection number <paramref name="index"/> (zero-based) has been accepted.</summary>
    public async Task<FakeGatewayConnection> WaitForConnectionAsync(int index, TimeSpan timeout)
    {
        await FakeGatewayWait.UntilAsync(() => Connections.Count > index, timeout, $"connection #{index}")
            .ConfigureAwait(false);
        return Connections[index];
    }

    /// <summary>
    /// Assigns the next sequence number to a dispatch, records it in the session history (for replay on resume)
    /// and, when <paramref name="deliver"/>, sends it on the session's connection. Undelivered dispatches model
    /// events that happened while the client was disconnected.
    /// </summary>
    public async Task<long> DispatchAsync(string eventName, JsonNode data, bool deliver = true)
    {
        string json;
        long sequence;
        FakeGatewayConnection? target;
        lock (_lock)
        {
            var session = _session ?? throw new InvalidOperationException("No session: the client has not identified.");
            sequence = ++session.Sequence;
            json = DispatchJson(eventName, data, sequence);
            session.History.Add((sequence, json));
            target = session.Connection;
        }

        if (deliver && target is not null)
        {
            await target.SendAsync(json).ConfigureAwait(false);
        }

        return sequence;
    }

    /// <summary>The default Identify answer: a new session whose READY (s = 1) carries <see cref="ResumeUrl"/>.</summary>
    public async Task StartSessionAsync(FakeGatewayConnection connection, JsonNode identify)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(identify);
        string json;
        lock (_lock)
        {
            var number = ++_sessions;
            var id = number == 1 ? "evenmorerandomstring" : $"evenmorerandomstring-{number}";
            var session = new FakeGatewaySession(id) { Connection = connection, Sequence = 1 };
            json = DispatchJson("READY", FakeGatewayFixtures.ReadyData(id, ResumeUrl, identify["d"]?["shard"]), 1);
            session.History.Add((1, json));
            _session = session;
        }

        await connection.SendAsync(json).ConfigureAwait(false);
    }

    /// <summary>The default Resume answer: replay events after <c>seq</c>, then RESUMED; op 9 false if unknown.</summary>
    public async Task ResumeSessionAsync(FakeGatewayConnection connection, JsonNode resume)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(resume);
        var sessionId = resume["d"]?["session_id"]?.GetValue<string>();
        var clientSequence = resume["d"]?["seq"]?.GetValue<long>() ?? 0;
        List<string> replay;
        string resumed;
        lock (_lock)
        {
            if (_session is null || _session.Id != sessionId)
            {
                replay = [];
                resumed = FakeGatewayFixtures.InvalidSession;
            }
            else
            {
                _session.Connection = connection;
                var after = ReplayAfterSequenceOverride ?? clientSequence;
                replay = _session.History.Where(entry => entry.Sequence > after).Select(entry => entry.Json).ToList();
                resumed = DispatchJson("RESUMED", null, ++_session.Sequence);
            }
        }

        foreach (var json in replay)
        {
            await connection.SendAsync(json).ConfigureAwait(false);
        }

        await connection.SendAsync(resumed).ConfigureAwait(false);
    }

    /// <summary>Forgets the session, so a resume is answered with op 9 false.</summary>
    public void InvalidateSession()
    {
        lock (_lock)
        {
            _session = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections)
        {
            connection.Drop();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal async Task OnPayloadAsync(FakeGatewayConnection connection, FakeGatewayPayload payload)
    {
        switch (payload.Op)
        {
            case 1:
                if (AckHeartbeats(connection))
                {
                    await connection.SendAsync(FakeGatewayFixtures.HeartbeatAck).ConfigureAwait(false);
                }

                break;
            case 2:
                await (OnIdentify ?? StartSessionAsync)(connection, payload.Json).ConfigureAwait(false);
                break;
            case 6:
                await (OnResume ?? ResumeSessionAsync)(connection, payload.Json).ConfigureAwait(false);
                break;
        }
    }

    internal void Detach(FakeGatewayConnection connection)
    {
        lock (_lock)
        {
            if (_session?.Connection == connection)
            {
                _session.Connection = null;
            }
        }
    }

    private static string DispatchJson(string eventName, JsonNode? data, long sequence)
    {
        var envelope = new JsonObject
        {
            ["op"] = 0,
            ["s"] = sequence,
            ["t"] = eventName,
            ["d"] = data is null ? null : JsonNode.Parse(data.ToJsonString()),
        };
        return envelope.ToJsonString();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        FakeGatewayConnection connection;
        lock (_lock)
        {
            connection = new FakeGatewayConnection(
                this, _connections.Count, context, socket, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "");
            _connections.Add(connection);
        }

        using (socket)
        {
            await connection.RunAsync(SendHelloOnConnect ? HeartbeatIntervalMilliseconds : null).ConfigureAwait(false);
        }
    }

    private sealed class FakeGatewaySession(string id)
    {
        public string Id { get; } = id;

        public long Sequence { get; set; }

        public List<(long Sequence, string Json)> History { get; } = [];

        public FakeGatewayConnection? Connection { get; set; }
    }
}

/// <summary>One payload the fake gateway received from the client.</summary>
/// <param name="Op">Opcode.</param>
/// <param name="Json">The whole payload.</param>
/// <param name="ByteLength">Size on the wire.</param>
/// <param name="ReceivedTimestamp">Stopwatch timestamp of receipt.</param>
public sealed record FakeGatewayPayload(int Op, JsonNode Json, int ByteLength, long ReceivedTimestamp)
{
    public JsonNode? Data => Json["d"];

    public static FakeGatewayPayload Parse(ReadOnlySpan<byte> utf8, long receivedTimestamp)
    {
        var node = JsonNode.Parse(utf8) ?? throw new JsonException("Empty payload.");
        return new FakeGatewayPayload(node["op"]!.GetValue<int>(), node, utf8.Length, receivedTimestamp);
    }
}

internal static class FakeGatewayWait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
