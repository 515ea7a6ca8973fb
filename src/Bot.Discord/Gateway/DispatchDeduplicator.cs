namespace Bot.Discord.Gateway;

/// <summary>Kinds of dispatch whose ids are deduplicated.</summary>
public enum DispatchKind
{
    Interaction,
    Message,
}

/// <summary>
/// Remembers handled interaction and message ids (bounded LRU, each entry expiring after a time window) so that
/// events replayed after a resume, or delivered twice, are handled once. Thread-safe; share one per process.
/// </summary>
public sealed class DispatchDeduplicator
{
    private readonly int _capacity;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Dictionary<(DispatchKind, ulong), LinkedListNode<Entry>> _index = [];
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();

    public DispatchDeduplicator(int capacity, TimeSpan window, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _capacity = capacity;
        _window = window;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Number of remembered ids.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    public bool TryMarkFirstSeen(DispatchKind kind, ulong id)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            EvictExpired(now);

            var key = (kind, id);
            if (_index.TryGetValue(key, out var existing))
            {
                var expired = _time.GetElapsedTime(existing.Value.FirstSeen, now) >= _window;
                _order.Remove(existing);
                _index[key] = _order.AddLast(expired ? new Entry(key, now) : existing.Value);
                return expired;
            }

            if (_index.Count >= _capacity && _order.First is { } oldest)
            {
                _index.Remove(oldest.Value.Key);
                _order.RemoveFirst();
            }

            _index[key] = _order.AddLast(new Entry(key, now));
            return true;
        }
    }

    private void EvictExpired(long now)
    {
        // Touched entries move to the back, so an expired one may linger behind fresher ones; the lookup above
        // re-checks its age, so lingering only costs memory until it reaches the front.
        while (_order.First is { } oldest && _time.GetElapsedTime(oldest.Value.FirstSeen, now) >= _window)
        {
            _index.Remove(oldest.Value.Key);
            _order.RemoveFirst();
        }
    }

    private sealed record Entry((DispatchKind Kind, ulong Id) Key, long FirstSeen);
}
