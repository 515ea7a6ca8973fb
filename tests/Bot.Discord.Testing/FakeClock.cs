using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records every timer the code under test arms (Task.Delay,
/// PeriodicTimer, CancellationTokenSource timeouts), so a test can await "it is now waiting for 2.5 s" instead of
/// sleeping, then move time with <see cref="FakeTimeProvider.Advance"/>.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    /// <summary>Real time after which a wait for a timer gives up, so a broken test fails instead of hanging.</summary>
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly List<Waiter> _waiters = [];

    public FakeClock()
        : base(new DateTimeOffset(2026, 8, 6, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every positive, finite due time a timer was armed with, in arming order.</summary>
    public IReadOnlyList<TimeSpan> ArmedDelays
    {
        get
        {
            lock (_lock)
            {
                return [.. _armed];
            }
        }
    }

    /// <summary>How many timers matching <paramref name="match"/> have been armed so far.</summary>
    public int CountArmed(Func<TimeSpan, bool> match)
    {
        lock (_lock)
        {
            return _armed.Count(match);
        }
    }

    /// <summary>
    /// Completes with the due time of the <paramref name="occurrence"/>-th timer (1-based, counting those already
    /// armed) whose due time satisfies <paramref name="match"/>.
    /// </summary>
    public Task<TimeSpan> WaitForArmedAsync(Func<TimeSpan, bool> match, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        Waiter waiter;
        lock (_lock)
        {
            var seen = _armed.Where(match).Take(occurrence).ToList();
            if (seen.Count == occurrence)
            {
                return Task.FromResult(seen[^1]);
            }

            waiter = new Waiter(match, occurrence);
            _waiters.Add(waiter);
        }

        return WithSafetyTimeoutAsync(waiter);
    }

    /// <summary>Completes once the <paramref name="occurrence"/>-th timer armed for exactly <paramref name="delay"/> exists.</summary>
    public Task<TimeSpan> WaitForArmedAsync(TimeSpan delay, int occurrence = 1) =>
        WaitForArmedAsync(d => d == delay, occurrence);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Record(dueTime);
        return new RecordingTimer(this, timer);
    }

    private async Task<TimeSpan> WithSafetyTimeoutAsync(Waiter waiter)
    {
        try
        {
            return await waiter.Signal.Task.WaitAsync(SafetyTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException(
                $"No timer #{waiter.Occurrence} matching the condition was armed; armed so far: [{string.Join(", ", ArmedDelays)}].");
        }
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime <= TimeSpan.Zero || dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<Waiter> satisfied;
        lock (_lock)
        {
            _armed.Add(dueTime);
            satisfied = _waiters.Where(w => w.Match(dueTime) && _armed.Count(w.Match) == w.Occurrence).ToList();
            foreach (var waiter in satisfied)
            {
                _waiters.Remove(waiter);
            }
        }

        foreach (var waiter in satisfied)
        {
            waiter.Signal.TrySetResult(dueTime);
        }
    }

    private sealed record Waiter(Func<TimeSpan, bool> Match, int Occurrence)
    {
        public TaskCompletionSource<TimeSpan> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class RecordingTimer(FakeClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
