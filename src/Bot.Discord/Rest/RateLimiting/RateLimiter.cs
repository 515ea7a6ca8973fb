using System.Collections.Concurrent;

namespace Bot.Discord.Rest.RateLimiting;

/// <summary>
/// Client-side state of Discord's rate limits (RL): per-route buckets keyed by route + top-level resource and
/// re-keyed by <c>X-RateLimit-Bucket</c> once known, the global pause after a global 429, and the proactive
/// requests-per-second window that interaction endpoints bypass.
/// </summary>
internal sealed class RateLimiter
{
    private const int PruneThreshold = 4096;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly int _globalPerSecond;
    private readonly ConcurrentDictionary<string, string> _routeToBucket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;

    public RateLimiter(TimeProvider time, int globalPerSecond)
    {
        _time = time;
        _globalPerSecond = globalPerSecond;
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public BucketState GetBucket(RestRoute route)
    {
        var bucketId = _routeToBucket.TryGetValue(route.RouteKey, out var hash) ? hash : route.RouteKey;
        return GetOrAdd(bucketId, route.MajorKey);
    }

    public TimeSpan GlobalPauseRemaining()
    {
        lock (_gate)
        {
            var left = _globalPauseUntil - Now;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void PauseGlobally(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = Now + duration;
            if (until > _globalPauseUntil)
            {
                _globalPauseUntil = until;
            }
        }
    }

    /// <summary>Takes a slot in the sliding one-second window, or returns how long to wait for one.</summary>
    public TimeSpan TryTakeGlobalSlot()
    {
        lock (_gate)
        {
            var now = Now;
            while (_recent.Count > 0 && now - _recent.Peek() >= Window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count < _globalPerSecond)
            {
                _recent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _recent.Peek() + Window - now;
        }
    }

    /// <summary>Applies a response's headers; returns the bucket the route now maps to.</summary>
    public BucketState Update(RestRoute route, BucketState used, RateLimitHeaders headers)
    {
        var bucket = used;
        if (headers.Bucket is { Length: > 0 } hash)
        {
            _routeToBucket[route.RouteKey] = hash;
            bucket = GetOrAdd(hash, route.MajorKey);
        }

        if (headers.Remaining is { } remaining)
        {
            var resetAt = headers.ResetAfterSeconds is { } after ? Now + TimeSpan.FromSeconds(after) : Now;
            bucket.Set(remaining, resetAt);
            if (!ReferenceEquals(bucket, used))
            {
                used.Set(remaining, resetAt);
            }
        }

        return bucket;
    }

    private BucketState GetOrAdd(string bucketId, string majorKey)
    {
        if (_buckets.Count > PruneThreshold)
        {
            Prune();
        }

        return _buckets.GetOrAdd(bucketId + "\n" + majorKey, static _ => new BucketState());
    }

    private void Prune()
    {
        var now = Now;
        foreach (var (key, state) in _buckets)
        {
            if (state.IsIdle(now))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>One bucket for one top-level resource; requests on it are serialized through <see cref="Gate"/>.</summary>
internal sealed class BucketState
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Set(int remaining, DateTimeOffset resetAt)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    /// <summary>Marks the bucket exhausted until <paramref name="resetAt"/> (after a 429).</summary>
    public void Exhaust(DateTimeOffset resetAt) => Set(0, resetAt);

    /// <summary>Time to wait before the next request; zero when the bucket has room or has reset.</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_remaining is 0 && _resetAt > now)
            {
                return _resetAt - now;
            }

            if (_remaining is 0)
            {
                _remaining = null;
            }

            return TimeSpan.Zero;
        }
    }

    public bool IsIdle(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _resetAt <= now && Gate.CurrentCount == 1;
        }
    }
}
