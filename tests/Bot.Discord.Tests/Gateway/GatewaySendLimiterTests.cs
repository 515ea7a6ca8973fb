using Bot.Discord.Gateway;
using Bot.Discord.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public void Allows_120_sends_per_60_seconds_keeping_the_reserve_for_heartbeats()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(clock, reservedForHeartbeats: 3);

        for (var i = 0; i < 117; i++)
        {
            Assert.True(limiter.TryAcquire(heartbeat: false, out _), $"ordinary send {i}");
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(limiter.TryAcquire(heartbeat: false, out var retryAfter));
        // The first send was at t=0 and now is 11.7 s: it leaves the window at 60 s.
        Assert.Equal(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(11_700), retryAfter);

        Assert.True(limiter.TryAcquire(heartbeat: true, out _));
        Assert.True(limiter.TryAcquire(heartbeat: true, out _));
        Assert.True(limiter.TryAcquire(heartbeat: true, out _));
        Assert.False(limiter.TryAcquire(heartbeat: true, out _));

        clock.Advance(retryAfter);
        Assert.False(limiter.TryAcquire(heartbeat: false, out _));
        Assert.True(limiter.TryAcquire(heartbeat: true, out _));
    }

    [Fact]
    public void Window_slides_so_old_sends_free_their_slots()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(clock, reservedForHeartbeats: 0, limit: 120);
        for (var i = 0; i < 120; i++)
        {
            Assert.True(limiter.TryAcquire(heartbeat: false, out _));
        }

        Assert.False(limiter.TryAcquire(heartbeat: false, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(60), wait);

        clock.Advance(TimeSpan.FromSeconds(59.999));
        Assert.False(limiter.TryAcquire(heartbeat: false, out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 120; i++)
        {
            Assert.True(limiter.TryAcquire(heartbeat: false, out _));
        }

        Assert.False(limiter.TryAcquire(heartbeat: false, out _));
    }

    [Fact]
    public async Task AcquireAsync_waits_on_the_clock_until_a_slot_frees()
    {
        var clock = new FakeClock();
        var limiter = new GatewaySendLimiter(clock, reservedForHeartbeats: 0, limit: 2, window: TimeSpan.FromSeconds(10));
        await limiter.AcquireAsync(heartbeat: false, CancellationToken.None);
        await limiter.AcquireAsync(heartbeat: false, CancellationToken.None);

        var third = limiter.AcquireAsync(heartbeat: false, CancellationToken.None).AsTask();
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(41_250, 4)]
    [InlineData(45_000, 4)]
    [InlineData(250, 60)]
    public void Reserve_covers_a_minute_of_heartbeats(int intervalMilliseconds, int expected)
    {
        Assert.Equal(expected, GatewaySendLimiter.ReserveFor(TimeSpan.FromMilliseconds(intervalMilliseconds)));
    }
}
