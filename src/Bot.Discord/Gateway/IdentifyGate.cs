using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Serializes Identify calls of all shards in the process: respects <c>session_start_limit.remaining</c> /
/// <c>reset_after</c> (waits for the reset when exhausted, since exceeding the daily limit resets the token) and
/// <c>max_concurrency</c> (one Identify per 5 s per bucket <c>shard_id % max_concurrency</c>).
/// Resumes do not go through the gate. This is the in-process gate; it does not see other processes.
/// </summary>
public sealed class IdentifyGate : IIdentifyGate
{
    /// <summary>Window of <c>max_concurrency</c>: Identify requests allowed per 5 seconds.</summary>
    public static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan SnapshotMaxAge = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinimumResetWait = TimeSpan.FromSeconds(1);

    private readonly IGatewayBotInfoProvider _provider;
    private readonly ILogger<IdentifyGate> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _stateLock = new(1, 1);
    private readonly ConcurrentDictionary<int, Bucket> _buckets = new();
    private SessionStartLimit? _limit;
    private long _fetchedAt;
    private int _remaining;

    public IdentifyGate(IGatewayBotInfoProvider provider, ILogger<IdentifyGate> logger, TimeProvider? timeProvider = null)
    {
        _provider = provider;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Spacing between Identify calls in one bucket; only tests shorten it.</summary>
    internal TimeSpan Window { get; init; } = ConcurrencyWindow;

    /// <summary>Identify calls this gate still allows before it must wait for the reset.</summary>
    public int? Remaining => _limit is null ? null : Volatile.Read(ref _remaining);

    /// <summary>Uses an already fetched GET /gateway/bot answer, saving a request.</summary>
    public void Seed(GatewayBotInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _stateLock.Wait();
        try
        {
            Apply(info.SessionStartLimit);
        }
        finally
        {
            _stateLock.Release();
        }
    }

    async Task<IIdentifyTurn> IIdentifyGate.AcquireAsync(int shardId, CancellationToken cancellationToken) =>
        await AcquireAsync(shardId, cancellationToken).ConfigureAwait(false);

    internal async Task<IdentifyLease> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        var maxConcurrency = await ReserveSessionStartAsync(cancellationToken).ConfigureAwait(false);
        var key = shardId % maxConcurrency;
        var bucket = _buckets.GetOrAdd(key, static _ => new Bucket());
        await bucket.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (bucket.LastIdentifyAt is { } last)
            {
                var wait = Window - _time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    _logger.IdentifyWaitingForBucket(shardId, key, wait);
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            return new IdentifyLease(this, bucket, key);
        }
        catch
        {
            bucket.Semaphore.Release();
            throw;
        }
    }

    /// <summary>Takes one session start from the budget, waiting for the reset when none is left.</summary>
    private async Task<int> ReserveSessionStartAsync(CancellationToken cancellationToken)
    {
        await _stateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (_limit is null || _time.GetElapsedTime(_fetchedAt) >= SnapshotMaxAge)
                {
                    var info = await _provider.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
                    Apply(info.SessionStartLimit);
                }

                var limit = _limit!;
                if (_remaining > 0)
                {
                    _remaining--;
                    return Math.Max(1, limit.MaxConcurrency);
                }

                var wait = TimeSpan.FromMilliseconds(limit.ResetAfterMilliseconds) - _time.GetElapsedTime(_fetchedAt);
                if (wait < MinimumResetWait)
                {
                    wait = MinimumResetWait;
                }

                _logger.IdentifyBudgetExhausted(limit.Total, wait);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                _limit = null;
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }

    private void Apply(SessionStartLimit limit)
    {
        _limit = limit;
        _fetchedAt = _time.GetTimestamp();
        Volatile.Write(ref _remaining, limit.Remaining);
    }

    private void MarkIdentifySent(Bucket bucket) => bucket.LastIdentifyAt = _time.GetTimestamp();

    internal sealed class Bucket
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public long? LastIdentifyAt { get; set; }
    }

    /// <summary>Holds a bucket's turn from before connecting until the Identify is sent (or the attempt fails).</summary>
    internal sealed class IdentifyLease : IIdentifyTurn, IDisposable
    {
        private readonly IdentifyGate _gate;
        private readonly Bucket _bucket;
        private int _released;

        public IdentifyLease(IdentifyGate gate, Bucket bucket, int bucketKey)
        {
            _gate = gate;
            _bucket = bucket;
            BucketKey = bucketKey;
        }

        public int BucketKey { get; }

        int IIdentifyTurn.Bucket => BucketKey;

        public void MarkIdentifySent() => _gate.MarkIdentifySent(_bucket);

        public ValueTask MarkIdentifySentAsync(CancellationToken cancellationToken)
        {
            MarkIdentifySent();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _bucket.Semaphore.Release();
            }
        }
    }
}
