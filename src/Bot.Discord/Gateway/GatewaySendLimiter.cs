namespace Bot.Discord.Gateway;

/// <summary>
/// Sliding-window limit on sends per connection: 120 per 60 s. Ordinary sends may use all but
/// <see cref="ReservedForHeartbeats"/> slots, so heartbeats always find room.
/// </summary>
internal sealed class GatewaySendLimiter
{
    public const int DefaultLimit = 120;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private readonly Queue<long> _sentAt = new();
    private readonly Lock _lock = new();

    public GatewaySendLimiter(TimeProvider time, int reservedForHeartbeats, int limit = DefaultLimit, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reservedForHeartbeats);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reservedForHeartbeats, limit);
        _time = time;
        Limit = limit;
        Window = window ?? DefaultWindow;
        ReservedForHeartbeats = reservedForHeartbeats;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    public int ReservedForHeartbeats { get; }

    /// <summary>Slots for heartbeats: enough for a minute of them at the given interval, plus server requests.</summary>
    public static int ReserveFor(TimeSpan heartbeatInterval)
    {
        var perWindow = heartbeatInterval <= TimeSpan.Zero
            ? DefaultLimit
            : (int)Math.Ceiling(DefaultWindow / heartbeatInterval);
        return Math.Clamp(perWindow + 2, 3, DefaultLimit / 2);
    }

    /// <summary>Takes a slot now, or returns false with the time until one frees up.</summary>
    public bool TryAcquire(bool heartbeat, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            while (_sentAt.Count > 0 && _time.GetElapsedTime(_sentAt.Peek(), now) >= Window)
            {
                _sentAt.Dequeue();
            }

            var capacity = heartbeat ? Limit : Limit - ReservedForHeartbeats;
            if (_sentAt.Count < capacity)
            {
                _sentAt.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            // The slot frees when the send that is (Count - capacity + 1)-th oldest leaves the window.
            var blocking = _sentAt.ElementAt(_sentAt.Count - capacity);
            retryAfter = Window - _time.GetElapsedTime(blocking, now);
            if (retryAfter <= TimeSpan.Zero)
            {
                retryAfter = TimeSpan.FromMilliseconds(1);
            }

            return false;
        }
    }

    public async ValueTask AcquireAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (!TryAcquire(heartbeat, out var retryAfter))
        {
            await Task.Delay(retryAfter, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
