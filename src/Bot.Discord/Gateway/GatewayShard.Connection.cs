using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Discord.Models.Inbound;

namespace Bot.Discord.Gateway;

public sealed partial class GatewayShard
{
    private const int MaxInboundMessageBytes = 64 * 1024 * 1024;

    /// <summary>One WebSocket connection: handshake, heartbeats, receive loop and closing.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly CancellationTokenSource _abort;
        private readonly ArrayBufferWriter<byte> _frame = new(16 * 1024);
        private GatewaySendLimiter? _limiter;
        private CancellationTokenSource? _heartbeatCts;
        private ConnectionResult? _pending;
        private int _awaitingAck;
        private long _lastHeartbeatSentAt;

        public Connection(GatewayShard shard)
        {
            Shard = shard;

            // Created on the shard's clock so that the CancelAfter in BeginCloseAsync runs on it too.
            _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, shard._time);
        }

        private GatewayShard Shard { get; }

        public async Task<ConnectionResult> RunAsync(
            Uri url, GatewaySessionInfo? resumeSession, IIdentifyTurn? lease, CancellationToken cancellationToken)
        {
            TimeSpan heartbeatInterval;
            using (var timeout = new CancellationTokenSource(Shard._options.HandshakeTimeout, Shard._time))
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    Shard._logger.Connecting(Shard.ShardId, url.Host, resumeSession is not null);
                    await _socket.ConnectAsync(url, handshake.Token).ConfigureAwait(false);
                    var hello = await ReceiveHelloAsync(handshake.Token).ConfigureAwait(false);
                    if (hello.Result is { } early)
                    {
                        return early;
                    }

                    heartbeatInterval = hello.Interval;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException)
                {
                    Shard._logger.HandshakeTimedOut(Shard.ShardId, Shard._options.HandshakeTimeout);
                    return ConnectionResult.HandshakeFailure("handshake timed out");
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or JsonException or InvalidDataException
                                               or KeyNotFoundException or InvalidOperationException)
                {
                    Shard._logger.HandshakeFailed(ex, Shard.ShardId);
                    return ConnectionResult.HandshakeFailure("handshake failed");
                }
            }

            using var stopRegistration = cancellationToken.Register(
                static state => _ = ((Connection)state!).BeginCloseAsync(
                    new ConnectionResult(ConnectionOutcome.Stopped, 1000, "shutting down"),
                    WebSocketCloseStatus.NormalClosure,
                    "shutting down"),
                this);

            StartHeartbeat(heartbeatInterval);
            try
            {
                if (resumeSession is not null)
                {
                    var sequence = Shard.LastSequence ?? 0;
                    Shard._logger.Resuming(Shard.ShardId, sequence);
                    Shard._timings.Metrics?.GatewaySession(Shard.ShardId, "resume");
                    await SendAsync(
                            GatewayPayloads.Resume(Shard._options.Token, resumeSession.SessionId, sequence),
                            heartbeat: false,
                            _abort.Token)
                        .ConfigureAwait(false);
                }
                else
                {
                    Shard._logger.Identifying(Shard.ShardId, Shard.ShardCount, (int)Shard._options.Intents);
                    Shard._timings.Metrics?.GatewaySession(Shard.ShardId, "identify");
                    await SendAsync(
                            GatewayPayloads.Identify(
                                Shard._options.Token,
                                Shard._options.Intents,
                                Shard._options.IdentifyProperties,
                                Shard.ShardId,
                                Shard.ShardCount),
                            heartbeat: false,
                            _abort.Token)
                        .ConfigureAwait(false);
                    if (lease is not null)
                    {
                        await lease.MarkIdentifySentAsync(_abort.Token).ConfigureAwait(false);
                        await lease.DisposeAsync().ConfigureAwait(false);
                    }
                }

                return await ReceiveLoopAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                if (_pending is { } pending)
                {
                    return pending;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return new ConnectionResult(ConnectionOutcome.Stopped, null, "stopped");
                }

                Shard._logger.ConnectionDropped(Shard.ShardId, ex.GetType().Name);
                return new ConnectionResult(ConnectionOutcome.Resume, null, "connection dropped without a close frame");
            }
            finally
            {
                StopHeartbeat();
            }
        }

        public void Dispose()
        {
            StopHeartbeat();
            _socket.Dispose();
            _abort.Dispose();
            _sendLock.Dispose();
        }

        private async Task<(TimeSpan Interval, ConnectionResult? Result)> ReceiveHelloAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (!await ReceiveFrameAsync(cancellationToken).ConfigureAwait(false))
                {
                    return (default, await ServerClosedAsync().ConfigureAwait(false));
                }

                using var document = JsonDocument.Parse(_frame.WrittenMemory);
                var payload = ReadEnvelope(document.RootElement);
                switch ((GatewayOpcode)payload.Op)
                {
                    case GatewayOpcode.Hello:
                        return (ReadHeartbeatInterval(payload.Data), null);
                    case GatewayOpcode.Reconnect:
                        Shard._logger.ReconnectRequested(Shard.ShardId);
                        Shard._timings.Metrics?.GatewaySession(Shard.ShardId, "reconnect");
                        await BeginCloseAsync(
                                new ConnectionResult(ConnectionOutcome.Resume, null, "reconnect requested before hello"),
                                (WebSocketCloseStatus)GatewayCloseCodes.UnknownError,
                                "reconnect")
                            .ConfigureAwait(false);
                        return (default, _pending);
                    default:
                        Shard._logger.UnexpectedBeforeHello(Shard.ShardId, payload.Op);
                        break;
                }
            }
        }

        private async Task<ConnectionResult> ReceiveLoopAsync()
        {
            while (true)
            {
                if (!await ReceiveFrameAsync(_abort.Token).ConfigureAwait(false))
                {
                    return _pending ?? await ServerClosedAsync().ConfigureAwait(false);
                }

                var receivedAt = Shard._time.GetTimestamp();
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(_frame.WrittenMemory);
                }
                catch (JsonException ex)
                {
                    Shard._logger.MalformedPayload(ex, Shard.ShardId);
                    continue;
                }

                using (document)
                {
                    Envelope payload;
                    try
                    {
                        payload = ReadEnvelope(document.RootElement);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
                    {
                        Shard._logger.MalformedPayload(ex, Shard.ShardId);
                        continue;
                    }

                    try
                    {
                        await HandlePayloadAsync(payload, receivedAt).ConfigureAwait(false);
                    }
                    catch (InvalidDataException ex)
                    {
                        Shard._logger.MalformedPayload(ex, Shard.ShardId);
                    }
                }
            }
        }

        private async Task HandlePayloadAsync(Envelope payload, long receivedAt)
        {
            switch ((GatewayOpcode)payload.Op)
            {
                case GatewayOpcode.Dispatch:
                    if (payload.Sequence is { } sequence)
                    {
                        Shard.UpdateSequence(sequence);
                    }

                    Shard.HandleDispatch(payload.Type, payload.Data, payload.Sequence, receivedAt);
                    break;

                case GatewayOpcode.Heartbeat:
                    Shard._logger.HeartbeatRequested(Shard.ShardId);
                    await SendHeartbeatAsync(periodic: false, _abort.Token).ConfigureAwait(false);
                    break;

                case GatewayOpcode.HeartbeatAck:
                    Volatile.Write(ref _awaitingAck, 0);
                    var sentAt = Interlocked.Read(ref _lastHeartbeatSentAt);
                    Shard.RecordHeartbeatAck(sentAt == 0 ? null : Shard._time.GetElapsedTime(sentAt));
                    break;

                case GatewayOpcode.Hello:
                    // A new HELLO restarts heartbeating from scratch, first beat jittered again.
                    StartHeartbeat(ReadHeartbeatInterval(payload.Data));
                    break;

                case GatewayOpcode.Reconnect:
                    Shard._logger.ReconnectRequested(Shard.ShardId);
                    Shard._timings.Metrics?.GatewaySession(Shard.ShardId, "reconnect");
                    await BeginCloseAsync(
                            new ConnectionResult(ConnectionOutcome.Resume, null, "reconnect requested (op 7)"),
                            (WebSocketCloseStatus)GatewayCloseCodes.UnknownError,
                            "reconnect")
                        .ConfigureAwait(false);
                    break;

                case GatewayOpcode.InvalidSession:
                    var resumable = payload.Data.ValueKind == JsonValueKind.True;
                    Shard._logger.InvalidSession(Shard.ShardId, resumable);
                    if (resumable)
                    {
                        await BeginCloseAsync(
                                new ConnectionResult(ConnectionOutcome.Resume, null, "invalid session (resumable)"),
                                (WebSocketCloseStatus)GatewayCloseCodes.UnknownError,
                                "invalid session")
                            .ConfigureAwait(false);
                    }
                    else
                    {
                        // Not resumable: the session is gone, so a normal closure costs nothing.
                        await BeginCloseAsync(
                                new ConnectionResult(
                                    ConnectionOutcome.Reidentify,
                                    null,
                                    "invalid session (not resumable)",
                                    Delay: Shard._timings.InvalidSessionDelay()),
                                WebSocketCloseStatus.NormalClosure,
                                "invalid session")
                            .ConfigureAwait(false);
                    }

                    break;

                default:
                    Shard._logger.UnknownOpcode(Shard.ShardId, payload.Op);
                    break;
            }
        }

        /// <summary>Reads one whole message into <see cref="_frame"/>; false when it was a close frame.</summary>
        private async Task<bool> ReceiveFrameAsync(CancellationToken cancellationToken)
        {
            _frame.ResetWrittenCount();
            while (true)
            {
                var result = await _socket.ReceiveAsync(_frame.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }

                _frame.Advance(result.Count);
                if (_frame.WrittenCount > MaxInboundMessageBytes)
                {
                    throw new InvalidDataException("Gateway message exceeds the inbound size limit.");
                }

                if (result.EndOfMessage)
                {
                    return true;
                }
            }
        }

        private async Task<ConnectionResult> ServerClosedAsync()
        {
            var status = _socket.CloseStatus;
            int? code = status is null or WebSocketCloseStatus.Empty ? null : (int)status.Value;
            Shard._logger.ServerClosed(Shard.ShardId, code, _socket.CloseStatusDescription);
            var result = ConnectionResult.FromCloseCode(code, _socket.CloseStatusDescription ?? "closed by the gateway");

            // Complete the close handshake without waiting long; echoing 1000/1001 would end the session.
            var reply = code is >= 3000 and <= 4999 ? (WebSocketCloseStatus)code.Value : (WebSocketCloseStatus)GatewayCloseCodes.UnknownError;
            await CloseOutputQuietlyAsync(reply, "closing").ConfigureAwait(false);
            return result;
        }

        private void StartHeartbeat(TimeSpan interval)
        {
            StopHeartbeat();
            _limiter = new GatewaySendLimiter(Shard._time, GatewaySendLimiter.ReserveFor(interval));
            Volatile.Write(ref _awaitingAck, 0);
            var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
            _heartbeatCts = cts;
            _ = Task.Run(() => HeartbeatLoopAsync(interval, cts.Token), CancellationToken.None);
        }

        private void StopHeartbeat()
        {
            var cts = Interlocked.Exchange(ref _heartbeatCts, null);
            if (cts is null)
            {
                return;
            }

            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
        {
            try
            {
                var jitter = Math.Clamp(Shard._timings.HeartbeatJitter(), 0.0, 1.0);
                await Task.Delay(interval * jitter, Shard._time, cancellationToken).ConfigureAwait(false);

                // Created before the first send so beats stay on a fixed cadence from the first one.
                using var timer = new PeriodicTimer(interval, Shard._time);
                do
                {
                    if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
                    {
                        Shard._logger.ZombieConnection(Shard.ShardId);
                        await BeginCloseAsync(
                                new ConnectionResult(ConnectionOutcome.Resume, GatewayCloseCodes.UnknownError, "no heartbeat ACK (zombie connection)"),
                                (WebSocketCloseStatus)GatewayCloseCodes.UnknownError,
                                "heartbeat ACK missing")
                            .ConfigureAwait(false);
                        return;
                    }

                    await SendHeartbeatAsync(periodic: true, cancellationToken).ConfigureAwait(false);
                }
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The socket is gone; the receive loop notices and decides what to do.
                Shard._logger.HeartbeatSendFailed(Shard.ShardId, ex.GetType().Name);
                CancelAbort();
            }
        }

        private async Task SendHeartbeatAsync(bool periodic, CancellationToken cancellationToken)
        {
            var sequence = Shard.LastSequence;
            await SendAsync(GatewayPayloads.Heartbeat(sequence), heartbeat: true, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _lastHeartbeatSentAt, Shard._time.GetTimestamp());
            Shard._logger.HeartbeatSent(Shard.ShardId, sequence, periodic);
        }

        private async Task SendAsync(byte[] payload, bool heartbeat, CancellationToken cancellationToken)
        {
            // The limiter is created on HELLO; nothing is sent before it.
            var limiter = _limiter ?? throw new InvalidOperationException("Gateway send before HELLO.");
            await limiter.AcquireAsync(heartbeat, cancellationToken).ConfigureAwait(false);
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>
        /// Decides how this connection ends (first decision wins), sends a close frame and gives the server
        /// <see cref="GatewayShardTimings.CloseTimeout"/> to answer before the socket is aborted.
        /// </summary>
        private async Task BeginCloseAsync(ConnectionResult result, WebSocketCloseStatus status, string description)
        {
            if (Interlocked.CompareExchange(ref _pending, result, null) is not null)
            {
                return;
            }

            Shard._isReady = false;
            StopHeartbeat();
            await CloseOutputQuietlyAsync(status, description).ConfigureAwait(false);
            try
            {
                _abort.CancelAfter(Shard._timings.CloseTimeout);
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task CloseOutputQuietlyAsync(WebSocketCloseStatus status, string description)
        {
            using var timeout = new CancellationTokenSource(Shard._timings.CloseTimeout, Shard._time);
            var locked = false;
            try
            {
                try
                {
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    locked = true;
                }
                catch (OperationCanceledException)
                {
                    // A send still holds the lock after CloseTimeout: skip the close frame, the abort timer ends the socket.
                    return;
                }

                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                CancelAbort();
            }
            finally
            {
                if (locked)
                {
                    try
                    {
                        _sendLock.Release();
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                }
            }
        }

        private void CancelAbort()
        {
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static TimeSpan ReadHeartbeatInterval(JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("heartbeat_interval", out var interval)
            && interval.TryGetDouble(out var milliseconds)
            && milliseconds > 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        throw new InvalidDataException("HELLO without a positive heartbeat_interval.");
    }

    private static Envelope ReadEnvelope(JsonElement root)
    {
        var op = root.GetProperty("op").GetInt32();
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var data = root.TryGetProperty("d", out var d) ? d : default;
        return new Envelope(op, sequence, type, data);
    }

    private readonly record struct Envelope(int Op, long? Sequence, string? Type, JsonElement Data);

    private void HandleDispatch(string? type, JsonElement data, long? sequence, long receivedAt)
    {
        var receipt = new GatewayReceipt(ShardId, sequence, receivedAt);
        try
        {
            switch (type)
            {
                case "READY":
                    var ready = data.Deserialize(GatewayJsonContext.Default.ReadyEvent)
                        ?? throw new JsonException("READY without data.");
                    OnReady(ready);
                    Enqueue(ready);
                    break;

                case "RESUMED":
                    _isReady = true;
                    _backoff.Reset();
                    _logger.Resumed(ShardId, sequence);
                    break;

                case "INTERACTION_CREATE":
                    var interaction = data.Deserialize(GatewayJsonContext.Default.Interaction)
                        ?? throw new JsonException("INTERACTION_CREATE without data.");
                    if (_deduplicator.TryMarkFirstSeen(DispatchKind.Interaction, interaction.Id))
                    {
                        Enqueue(new InteractionCreateEvent(interaction, receipt));
                    }
                    else
                    {
                        _logger.DuplicateDropped(ShardId, type, interaction.Id);
                    }

                    break;

                case "MESSAGE_CREATE":
                    var message = data.Deserialize(GatewayJsonContext.Default.Message)
                        ?? throw new JsonException("MESSAGE_CREATE without data.");
                    if (_deduplicator.TryMarkFirstSeen(DispatchKind.Message, message.Id))
                    {
                        Enqueue(new MessageCreateEvent(message, receipt));
                    }
                    else
                    {
                        _logger.DuplicateDropped(ShardId, type, message.Id);
                    }

                    break;

                default:
                    _logger.DispatchIgnored(ShardId, type, sequence);
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            _logger.DispatchUnreadable(ex, ShardId, type, sequence);
        }
    }

    private void OnReady(ReadyEvent ready)
    {
        GatewaySessionInfo? session = null;
        if (GatewayUrls.TryParse(ready.ResumeGatewayUrl, out var resumeUrl))
        {
            session = new GatewaySessionInfo(ready.SessionId, resumeUrl, ready.Application.Id, ready.User.Id);
        }
        else
        {
            _logger.InvalidResumeUrl(ShardId);
            session = new GatewaySessionInfo(ready.SessionId, _gatewayUrl, ready.Application.Id, ready.User.Id);
        }

        _session = session;
        _isReady = true;
        _backoff.Reset();
        _logger.Ready(ShardId, ready.Guilds.Count, ready.Application.Id);
    }

    private void Enqueue(object item)
    {
        // DropOldest never fails a write; a completed writer (shard stopping) just discards.
        _dispatchWriter?.TryWrite(item);
    }
}
