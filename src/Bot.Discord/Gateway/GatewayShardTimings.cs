namespace Bot.Discord.Gateway;

/// <summary>
/// Clock and randomness of a shard. Defaults follow the docs; tests inject fixed values to stay fast and
/// deterministic.
/// </summary>
public sealed class GatewayShardTimings
{
    public static readonly TimeSpan MinInvalidSessionDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInvalidSessionDelay = TimeSpan.FromSeconds(5);

    public static GatewayShardTimings Default { get; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where identifies, resumes and reconnects are counted; null counts nothing.</summary>
    public Diagnostics.BotMetrics? Metrics { get; init; }

    /// <summary>Jitter in [0, 1) for the first heartbeat (sent after <c>heartbeat_interval * jitter</c>).</summary>
    public Func<double> HeartbeatJitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Wait before re-identifying after op 9 with <c>d: false</c>; random 1-5 s by default.</summary>
    public Func<TimeSpan> InvalidSessionDelay { get; init; } = () => InvalidSessionDelayFor(Random.Shared.NextDouble());

    /// <summary>Base of the exponential reconnect backoff (capped at 60 s).</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Random in [0, 1] for the backoff jitter.</summary>
    public Func<double> BackoffJitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>How long to wait for the close handshake before dropping the socket.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Maps a random value in [0, 1) onto the documented 1-5 s invalid-session wait.</summary>
    public static TimeSpan InvalidSessionDelayFor(double unitRandom) =>
        MinInvalidSessionDelay + ((MaxInvalidSessionDelay - MinInvalidSessionDelay) * Math.Clamp(unitRandom, 0.0, 1.0));
}
