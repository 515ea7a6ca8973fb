using Bot.Discord.Gateway;
using Bot.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Scaling;

/// <summary>
/// Spaces Identify calls across processes that share one database: on top of the in-process
/// <see cref="IdentifyGate"/> (session-start budget, spacing among this process's shards), a shard takes the lease
/// <c>identify:{bucket}</c> before connecting and keeps it until <see cref="IdentifyGate.ConcurrencyWindow"/> after its
/// Identify went out, so no two processes identify in one <c>max_concurrency</c> bucket within 5 s.
/// </summary>
public sealed partial class LeasedIdentifyGate : IIdentifyGate
{
    /// <summary>Longest pause between two attempts on a taken lease.</summary>
    public static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(50);

    private readonly IIdentifyGate _local;
    private readonly IServerStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<LeasedIdentifyGate> _logger;
    private readonly TimeSpan _heldWhileConnecting;

    /// <param name="local">This process's gate.</param>
    /// <param name="store">The shared database.</param>
    /// <param name="holder">Names this process in the lease (unique among the processes sharing the database).</param>
    /// <param name="handshakeTimeout">The longest connect + HELLO; the lease covers it before the Identify is sent.</param>
    public LeasedIdentifyGate(
        IIdentifyGate local,
        IServerStore store,
        string holder,
        TimeSpan handshakeTimeout,
        TimeProvider time,
        ILogger<LeasedIdentifyGate> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        _local = local;
        _store = store;
        Holder = holder;
        _time = time;
        _logger = logger;
        _heldWhileConnecting = handshakeTimeout + IdentifyGate.ConcurrencyWindow;
    }

    public string Holder { get; }

    /// <summary>A holder name unique per process: host name (the pod name on Kubernetes, where every pid is 1) and pid.</summary>
    public static string DefaultHolder() => $"{Environment.MachineName}:{Environment.ProcessId}";

    public static string LeaseName(int bucket) => FormattableString.Invariant($"identify:{bucket}");

    public void Seed(GatewayBotInfo info) => _local.Seed(info);

    public async Task<IIdentifyTurn> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(shardId, cancellationToken).ConfigureAwait(false);
        var name = LeaseName(local.Bucket);
        try
        {
            while (!await _store.TryAcquireLeaseAsync(name, Holder, _heldWhileConnecting, cancellationToken).ConfigureAwait(false))
            {
                var current = await _store.GetLeaseAsync(name, cancellationToken).ConfigureAwait(false);
                var wait = current is null ? MinPoll : current.ExpiresAt - _time.GetUtcNow();
                wait = wait < MinPoll ? MinPoll : wait > MaxPoll ? MaxPoll : wait;
                Log.Waiting(_logger, shardId, name, current?.Holder ?? "?", wait.TotalMilliseconds);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            return new Turn(this, local, name, shardId);
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Turn(LeasedIdentifyGate gate, IIdentifyTurn local, string name, int shardId) : IIdentifyTurn
    {
        private int _sent;
        private int _disposed;

        public int Bucket => local.Bucket;

        public async ValueTask MarkIdentifySentAsync(CancellationToken cancellationToken)
        {
            await local.MarkIdentifySentAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _sent, 1);
            try
            {
                // Renewing by the same holder moves the expiry to now + 5 s: the window starts at the Identify.
                if (!await gate._store.TryAcquireLeaseAsync(name, gate.Holder, IdentifyGate.ConcurrencyWindow, cancellationToken).ConfigureAwait(false))
                {
                    Log.LostBeforeIdentify(gate._logger, shardId, name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease still runs to its longer connecting expiry: later, never earlier, than needed.
                Log.RenewFailed(gate._logger, ex, shardId, name);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            await local.DisposeAsync().ConfigureAwait(false);
            if (Volatile.Read(ref _sent) == 1)
            {
                return;
            }

            try
            {
                await gate._store.ReleaseLeaseAsync(name, gate.Holder, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.ReleaseFailed(gate._logger, ex, shardId, name);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Shard {ShardId}: lease {Lease} held by {Holder}; trying again in {WaitMs:0} ms")]
        public static partial void Waiting(ILogger logger, int shardId, string lease, string holder, double waitMs);

        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Shard {ShardId}: lease {Lease} expired before the Identify went out (connecting took longer than the handshake timeout)")]
        public static partial void LostBeforeIdentify(ILogger logger, int shardId, string lease);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Shard {ShardId}: could not shorten lease {Lease} after Identify; it runs to its connecting expiry")]
        public static partial void RenewFailed(ILogger logger, Exception exception, int shardId, string lease);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Shard {ShardId}: could not release lease {Lease}; it expires by itself")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, int shardId, string lease);
    }
}
