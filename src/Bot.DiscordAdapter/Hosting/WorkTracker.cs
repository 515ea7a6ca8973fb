namespace Bot.DiscordAdapter.Hosting;

/// <summary>
/// Counts in-flight interactions and messages so shutdown can stop taking new work and wait for the rest
/// (bounded); work still running when the wait ends is cancelled through <see cref="Aborted"/>.
/// </summary>
public sealed class WorkTracker : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _abort = new();
    private TaskCompletionSource _idle = CompletedIdle();
    private int _inFlight;
    private bool _stopping;

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    public bool IsStopping
    {
        get
        {
            lock (_lock)
            {
                return _stopping;
            }
        }
    }

    /// <summary>Cancelled when shutdown gives up waiting for in-flight work.</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>Registers one unit of work; false once shutdown has begun.</summary>
    public bool TryBegin(out WorkLease lease)
    {
        lock (_lock)
        {
            if (_stopping)
            {
                lease = default;
                return false;
            }

            if (_inFlight++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        lease = new WorkLease(this);
        return true;
    }

    /// <summary>Stops taking work and waits up to <paramref name="timeout"/> for in-flight work. True when all finished.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        Task idle;
        lock (_lock)
        {
            _stopping = true;
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            return false;
        }
    }

    public void Dispose() => _abort.Dispose();

    private static TaskCompletionSource CompletedIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    private void End()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Ends the unit of work when disposed (once).</summary>
    public struct WorkLease : IDisposable
    {
        private WorkTracker? _owner;

        internal WorkLease(WorkTracker owner) => _owner = owner;

        public void Dispose()
        {
            Interlocked.Exchange(ref _owner, null)?.End();
        }
    }
}
