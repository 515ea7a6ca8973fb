using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void First_attempt_is_immediate_then_doubles_with_jitter()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), () => 1.0);

        Assert.Equal(TimeSpan.Zero, backoff.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.NextDelay());
    }

    [Fact]
    public void Delay_is_capped_at_60_seconds()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), () => 1.0);
        var delays = Enumerable.Range(0, 50).Select(_ => backoff.NextDelay()).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(60), delays[^1]);
        Assert.Equal(TimeSpan.FromSeconds(32), delays[6]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[7]);
    }

    [Fact]
    public void Jitter_spreads_delays_between_half_and_all_of_the_ceiling()
    {
        var random = 0.0;
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), () => random);
        for (var i = 0; i < 8; i++)
        {
            backoff.NextDelay();
        }

        // The ceiling is now 60 s; the random value picks a point in [30 s, 60 s].
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.NextDelay());
        random = 0.5;
        Assert.Equal(TimeSpan.FromSeconds(45), backoff.NextDelay());
        random = 0.9999;
        Assert.InRange(backoff.NextDelay(), TimeSpan.FromSeconds(59.99), TimeSpan.FromSeconds(60));
        random = 0.25;
        Assert.Equal(TimeSpan.FromSeconds(37.5), backoff.NextDelay());
    }

    [Fact]
    public void Reset_returns_to_an_immediate_first_attempt()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), () => 0.5);
        for (var i = 0; i < 10; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.Equal(TimeSpan.Zero, backoff.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(0.75), backoff.NextDelay());
    }

    [Fact]
    public void Default_invalid_session_wait_is_between_1_and_5_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), GatewayShardTimings.InvalidSessionDelayFor(0.0));
        Assert.Equal(TimeSpan.FromSeconds(3), GatewayShardTimings.InvalidSessionDelayFor(0.5));
        Assert.InRange(GatewayShardTimings.InvalidSessionDelayFor(0.9999), TimeSpan.FromSeconds(4.99), TimeSpan.FromSeconds(5));

        var defaults = new GatewayShardTimings();
        var samples = Enumerable.Range(0, 2000).Select(_ => defaults.InvalidSessionDelay()).ToList();
        Assert.All(samples, d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        Assert.True(samples.Min() < TimeSpan.FromSeconds(1.5) && samples.Max() > TimeSpan.FromSeconds(4.5), "the default wait is random over the range");
    }

    [Fact]
    public void Default_first_heartbeat_jitter_is_in_zero_to_one()
    {
        var defaults = new GatewayShardTimings();
        var samples = Enumerable.Range(0, 2000).Select(_ => defaults.HeartbeatJitter()).ToList();
        Assert.All(samples, j => Assert.InRange(j, 0.0, 0.99999999));
        Assert.True(samples.Distinct().Count() > 1000);
    }
}
