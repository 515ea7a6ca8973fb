using System.Threading.Channels;
using Bot.Discord.Models.Inbound;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway connection-managing object per shard: connects, identifies or resumes, heartbeats, reconnects
/// according to the close code, and hands dispatches to an <see cref="IGatewayEventHandler"/> on handler tasks
/// fed by a bounded channel, so handlers never delay the receive loop or heartbeats.
/// </summary>
public sealed partial class GatewayShard
{
    private readonly Uri _gatewayUrl;
    private readonly GatewayOptions _options;
    private readonly IIdentifyGate _identifyGate;
    private readonly DispatchDeduplicator _deduplicator;
    private readonly IGatewayEventHandler _handler;
    private readonly ILogger<GatewayShard> _logger;
    private readonly GatewayShardTimings _timings;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly Lock _stateLock = new();
    private ChannelWriter<object>? _dispatchWriter;
    private int _started;
    private volatile bool _isReady;
    private volatile GatewaySessionInfo? _session;
    private long? _sequence;
    private DateTimeOffset? _lastHeartbeatAck;
    private TimeSpan? _heartbeatLatency;
    private long _droppedDispatches;

    /// <param name="shardId">Zero-based shard id.</param>
    /// <param name="shardCount">Total shards (<c>num_shards</c> of Identify).</param>
    /// <param name="gatewayUrl">Cached gateway URL (GET /gateway/bot <c>url</c>) used to Identify; without query.</param>
    /// <param name="options">Validated options (token, intents, identify properties, limits).</param>
    /// <param name="identifyGate">Identify limiter shared by all shards of the process.</param>
    /// <param name="deduplicator">Handled-id memory, shared by all shards of the process.</param>
    /// <param name="handler">Receiver of dispatches.</param>
    /// <param name="logger">Logger; the token is never logged.</param>
    /// <param name="timings">Clock and randomness; defaults follow the docs.</param>
    public GatewayShard(
        int shardId,
        int shardCount,
        Uri gatewayUrl,
        GatewayOptions options,
        IIdentifyGate identifyGate,
        DispatchDeduplicator deduplicator,
        IGatewayEventHandler handler,
        ILogger<GatewayShard> logger,
        GatewayShardTimings? timings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardId, shardCount);
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (gatewayUrl.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException("The gateway URL must use ws:// or wss://.", nameof(gatewayUrl));
        }

        ShardId = shardId;
        ShardCount = shardCount;
        _gatewayUrl = gatewayUrl;
        _options = options;
        _identifyGate = identifyGate;
        _deduplicator = deduplicator;
        _handler = handler;
        _logger = logger;
        _timings = timings ?? GatewayShardTimings.Default;
        _time = _timings.TimeProvider;
        _backoff = new ReconnectBackoff(_timings.InitialReconnectDelay, _timings.BackoffJitter);
    }

    public int ShardId { get; }

    public int ShardCount { get; }

    /// <summary>True between READY/RESUMED and the end of that connection.</summary>
    public bool IsReady => _isReady;

    /// <summary>The session to resume, from the last READY; null before READY or after the session was dropped.</summary>
    public GatewaySessionInfo? Session => _session;

    /// <summary>The last non-null <c>s</c> received, sent in heartbeats and Resume.</summary>
    public long? LastSequence
    {
        get
        {
            lock (_stateLock)
            {
                return _sequence;
            }
        }
    }

    /// <summary>When the last heartbeat ACK (op 11) arrived; for health checks.</summary>
    public DateTimeOffset? LastHeartbeatAck
    {
        get
        {
            lock (_stateLock)
            {
                return _lastHeartbeatAck;
            }
        }
    }

    /// <summary>Time between the last heartbeat sent and its ACK.</summary>
    public TimeSpan? HeartbeatLatency
    {
        get
        {
            lock (_stateLock)
            {
                return _heartbeatLatency;
            }
        }
    }

    /// <summary>Dispatches dropped because handlers fell more than the queue capacity behind.</summary>
    public long DroppedDispatches => Interlocked.Read(ref _droppedDispatches);

    /// <summary>
    /// Runs the shard until <paramref name="cancellationToken"/> is cancelled (then closes with 1000 and returns),
    /// reconnecting as the gateway requires. Throws <see cref="GatewayClosedException"/> on close codes that must
    /// not be retried (4004, 4010-4014), and <see cref="GatewayPayloadTooLargeException"/> when Identify cannot be
    /// sent within 4096 bytes (a configuration error). A shard runs once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A gateway shard can only run once; create a new one.");
        }

        var channel = Channel.CreateBounded<object>(
            new BoundedChannelOptions(_options.DispatchQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
                SingleReader = _options.DispatchConcurrency == 1,
            },
            OnDispatchDropped);
        _dispatchWriter = channel.Writer;

        using var workersCts = new CancellationTokenSource();

        // Dedicated threads: a handler that blocks its thread cannot starve the thread pool that runs heartbeats
        // and the receive loop.
        var workers = Enumerable.Range(0, _options.DispatchConcurrency)
            .Select(_ => Task.Factory.StartNew(
                () => RunDispatchWorker(channel.Reader, workersCts.Token),
                CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default))
            .ToArray();

        _logger.ShardStarting(ShardId, ShardCount);
        try
        {
            await ConnectLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _isReady = false;
            channel.Writer.TryComplete();
            await workersCts.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
            _logger.ShardStopped(ShardId);
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.Zero;
        while (true)
        {
            if (delay > TimeSpan.Zero)
            {
                _logger.Reconnecting(ShardId, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            var resume = _session is not null && LastSequence is not null;
            ConnectionResult result;
            try
            {
                result = await RunConnectionAsync(resume, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not GatewayPayloadTooLargeException
                                       && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                _logger.ConnectionAttemptFailed(ex, ShardId);
                result = ConnectionResult.HandshakeFailure("connection attempt failed");
            }

            _isReady = false;
            switch (result.Outcome)
            {
                case ConnectionOutcome.Stopped:
                    return;

                case ConnectionOutcome.Fatal:
                    var code = result.CloseCode ?? GatewayCloseCodes.UnknownError;
                    var exception = GatewayClosedException.ForCloseCode(code, ShardId, _options.Intents);
                    _logger.FatalClose(ShardId, code, exception.Message);
                    throw exception;

                case ConnectionOutcome.Reidentify:
                    ClearSession();
                    delay = result.Delay ?? _backoff.NextDelay();
                    _logger.WillReidentify(ShardId, result.CloseCode, result.Reason);
                    break;

                default:
                    if (resume && result.HandshakeFailed)
                    {
                        // Docs: if the resume reconnect fails, connect to the cached URL and identify again.
                        ClearSession();
                    }

                    delay = result.Delay ?? _backoff.NextDelay();
                    _logger.WillResume(ShardId, result.CloseCode, result.Reason, _session is not null);
                    break;
            }
        }
    }

    private async Task<ConnectionResult> RunConnectionAsync(bool resume, CancellationToken cancellationToken)
    {
        var session = _session;
        IIdentifyTurn? lease = null;
        if (!resume)
        {
            lease = await _identifyGate.AcquireAsync(ShardId, cancellationToken).ConfigureAwait(false);
        }

        await using (lease)
        {
            var baseUrl = resume ? session!.ResumeGatewayUrl : _gatewayUrl;
            using var connection = new Connection(this);
            return await connection.RunAsync(
                    GatewayUrls.WithVersionAndEncoding(baseUrl), resume ? session : null, lease, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private void ClearSession()
    {
        lock (_stateLock)
        {
            _session = null;
            _sequence = null;
        }
    }

    private void UpdateSequence(long sequence)
    {
        lock (_stateLock)
        {
            _sequence = sequence;
        }
    }

    private void RecordHeartbeatAck(TimeSpan? latency)
    {
        lock (_stateLock)
        {
            _lastHeartbeatAck = _time.GetUtcNow();
            _heartbeatLatency = latency;
        }
    }

    private void OnDispatchDropped(object dropped)
    {
        Interlocked.Increment(ref _droppedDispatches);
        _logger.DispatchDropped(ShardId, dropped.GetType().Name, _options.DispatchQueueCapacity);
    }

    private void RunDispatchWorker(ChannelReader<object> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var item))
                {
                    try
                    {
                        var task = item switch
                        {
                            InteractionCreateEvent interaction => _handler.OnInteractionCreateAsync(interaction, cancellationToken),
                            MessageCreateEvent message => _handler.OnMessageCreateAsync(message, cancellationToken),
                            ReadyEvent ready => _handler.OnReadyAsync(ready, cancellationToken),
                            _ => Task.CompletedTask,
                        };

                        // Waiting here keeps this worker busy until the handler is done: concurrency stays bounded.
                        task.GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        _logger.HandlerFailed(ex, ShardId, item.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private enum ConnectionOutcome
    {
        Resume,
        Reidentify,
        Fatal,
        Stopped,
    }

    private sealed record ConnectionResult(
        ConnectionOutcome Outcome, int? CloseCode, string Reason, bool HandshakeFailed = false, TimeSpan? Delay = null)
    {
        public static ConnectionResult HandshakeFailure(string reason) =>
            new(ConnectionOutcome.Resume, null, reason, HandshakeFailed: true);

        public static ConnectionResult FromCloseCode(int? code, string reason) =>
            GatewayCloseCodes.Classify(code) switch
            {
                GatewayCloseAction.Stop => new(ConnectionOutcome.Fatal, code, reason),
                GatewayCloseAction.Reidentify => new(ConnectionOutcome.Reidentify, code, reason),
                _ => new(ConnectionOutcome.Resume, code, reason),
            };
    }
}
