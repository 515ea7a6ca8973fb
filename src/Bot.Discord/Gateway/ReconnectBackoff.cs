namespace Bot.Discord.Gateway;

/// <summary>
/// Delays between reconnect attempts: the first attempt after a healthy session is immediate, then
/// initial * 2^(n-1) with jitter (between half and all of it), capped at 60 s. Reset after READY / RESUMED.
/// </summary>
internal sealed class ReconnectBackoff
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _initial;
    private readonly Func<double> _random;
    private int _attempt;

    public ReconnectBackoff(TimeSpan initial, Func<double> random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        _initial = initial;
        _random = random;
    }

    public int Attempt => _attempt;

    public TimeSpan NextDelay()
    {
        var attempt = _attempt;
        if (_attempt < int.MaxValue)
        {
            _attempt++;
        }

        if (attempt == 0)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(_initial.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var unit = Math.Clamp(_random(), 0.0, 1.0);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * unit)));
    }

    public void Reset() => _attempt = 0;
}
