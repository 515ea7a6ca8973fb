using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Discord.Testing;

/// <summary>One client connection to the <see cref="FakeGateway"/>: records what arrives and sends what tests script.</summary>
public sealed class FakeGatewayConnection
{
    private readonly FakeGateway _gateway;
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<FakeGatewayPayload> _received = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closedByServer;

    internal FakeGatewayConnection(FakeGateway gateway, int index, HttpContext context, WebSocket socket, string path, string query)
    {
        _gateway = gateway;
        _context = context;
        _socket = socket;
        Index = index;
        Path = path;
        Query = query;
    }

    public int Index { get; }

    /// <summary>Request path: <c>/</c> for the gateway URL, <c>/resume</c> for the resume URL.</summary>
    public string Path { get; }

    /// <summary>Query string including <c>?</c>, e.g. <c>?v=10&amp;encoding=json</c>.</summary>
    public string Query { get; }

    /// <summary>Stopwatch timestamp at which HELLO was sent (0 if not sent).</summary>
    public long HelloSentTimestamp { get; private set; }

    /// <summary>Close code the client sent, if it closed with a close frame.</summary>
    public int? ClientCloseCode { get; private set; }

    /// <summary>True when the connection ended without a close frame from the client (or was dropped here).</summary>
    public bool EndedWithoutClientCloseFrame { get; private set; }

    /// <summary>Completes when the connection has ended.</summary>
    public Task Completion => _completed.Task;

    public IReadOnlyList<FakeGatewayPayload> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Received payloads with opcode <paramref name="op"/>.</summary>
    public IReadOnlyList<FakeGatewayPayload> ReceivedOp(int op) => Received.Where(p => p.Op == op).ToList();

    /// <summary>Waits for the <paramref name="occurrence"/>-th (zero-based) payload with opcode <paramref name="op"/>.</summary>
    public async Task<FakeGatewayPayload> WaitForOpAsync(int op, TimeSpan timeout, int occurrence = 0)
    {
        await FakeGatewayWait.UntilAsync(
                () => ReceivedOp(op).Count > occurrence,
                timeout,
                string.Create(CultureInfo.InvariantCulture, $"op {op} #{occurrence} on connection {Index}"))
            .ConfigureAwait(false);
        return ReceivedOp(op)[occurrence];
    }

    /// <summary>Waits until the connection has ended.</summary>
    public Task WaitForCompletionAsync(TimeSpan timeout) => Completion.WaitAsync(timeout);

    public async Task SendAsync(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return;
            }

            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendAsync(JsonNode payload) => SendAsync(payload?.ToJsonString() ?? throw new ArgumentNullException(nameof(payload)));

    /// <summary>Sends <c>{"op": op, "d": d}</c> (with <c>s</c>/<c>t</c> null as for every non-dispatch).</summary>
    public Task SendOpAsync(int op, JsonNode? data) =>
        SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null });

    /// <summary>Sends a dispatch with an explicit sequence (not recorded in the session history).</summary>
    public Task SendDispatchAsync(string eventName, JsonNode data, long? sequence) =>
        SendAsync(new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data });

    /// <summary>Sends a close frame carrying <paramref name="code"/>; drops the connection if the client does not reply within 2 s.</summary>
    public async Task CloseAsync(int code, string description = "")
    {
        _closedByServer = true;
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, description, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }

        // Not awaited: scripts call this from inside the receive loop, which must keep running to see the reply.
        _ = DropIfNoReplyAsync();
    }

    private async Task DropIfNoReplyAsync()
    {
        if (await Task.WhenAny(Completion, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false) != Completion)
        {
            Drop();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop()
    {
        if (Completion.IsCompleted)
        {
            return;
        }

        EndedWithoutClientCloseFrame = ClientCloseCode is null;
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended between the check and the abort.
        }
    }

    internal async Task RunAsync(int? helloIntervalMilliseconds)
    {
        try
        {
            if (helloIntervalMilliseconds is { } interval)
            {
                await SendOpAsync(10, new JsonObject { ["heartbeat_interval"] = interval }).ConfigureAwait(false);
                HelloSentTimestamp = Stopwatch.GetTimestamp();
            }

            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), _context.RequestAborted).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClientCloseCode = (int?)_socket.CloseStatus;
                        if (!_closedByServer)
                        {
                            await CloseReplyAsync().ConfigureAwait(false);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var payload = FakeGatewayPayload.Parse(message.GetBuffer().AsSpan(0, (int)message.Length), Stopwatch.GetTimestamp());
                lock (_lock)
                {
                    _received.Add(payload);
                }

                await _gateway.OnPayloadAsync(this, payload).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            EndedWithoutClientCloseFrame = ClientCloseCode is null;
        }
        finally
        {
            _gateway.Detach(this);
            _completed.TrySetResult();
        }
    }

    private async Task CloseReplyAsync()
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(
                    _socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "bye", timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
