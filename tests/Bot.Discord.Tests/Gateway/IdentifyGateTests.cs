using Bot.Discord.Gateway;
using Bot.Discord.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Tests.Gateway;

public sealed class IdentifyGateTests
{
    private static readonly Uri Url = new("wss://gateway.discord.gg/");

    [Fact]
    public async Task Shards_in_the_same_bucket_identify_5_seconds_apart()
    {
        var clock = new FakeClock();
        var provider = new FakeGatewayBotInfoProvider(FakeGatewayFixtures.GatewayBotInfo(Url, shards: 2, maxConcurrency: 1));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance, clock);

        using (var first = await gate.AcquireAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            first.MarkIdentifySent();
        }

        var second = gate.AcquireAsync(1, CancellationToken.None);
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Different_buckets_identify_concurrently_and_buckets_key_on_shard_id_modulo_max_concurrency()
    {
        var clock = new FakeClock();
        var provider = new FakeGatewayBotInfoProvider(FakeGatewayFixtures.GatewayBotInfo(Url, shards: 4, maxConcurrency: 2));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance, clock);

        var shard0 = await gate.AcquireAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var shard1 = await gate.AcquireAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        shard0.MarkIdentifySent();
        shard1.MarkIdentifySent();
        shard0.Dispose();
        shard1.Dispose();

        var shard2 = gate.AcquireAsync(2, CancellationToken.None);
        var shard3 = gate.AcquireAsync(3, CancellationToken.None);
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(5), occurrence: 2);
        Assert.False(shard2.IsCompleted);
        Assert.False(shard3.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(5));
        (await shard2.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await shard3.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_failed_attempt_that_never_sent_identify_does_not_hold_the_bucket()
    {
        var clock = new FakeClock();
        var provider = new FakeGatewayBotInfoProvider(FakeGatewayFixtures.GatewayBotInfo(Url));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance, clock);

        (await gate.AcquireAsync(0, CancellationToken.None)).Dispose();

        (await gate.AcquireAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Exhausted_session_starts_wait_for_reset_after_then_refetch()
    {
        var clock = new FakeClock();
        var provider = new FakeGatewayBotInfoProvider(
            new GatewayBotInfo(Url.ToString(), 1, new SessionStartLimit(1000, 0, 10_000, 1)));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance, clock);

        var pending = gate.AcquireAsync(0, CancellationToken.None);
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        Assert.Equal(1, provider.Calls);

        provider.Info = new GatewayBotInfo(Url.ToString(), 1, new SessionStartLimit(1000, 1000, 86_400_000, 1));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(pending.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        (await pending.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(2, provider.Calls);
        Assert.Equal(999, gate.Remaining);
    }

    [Fact]
    public async Task Remaining_counts_down_and_blocks_at_zero()
    {
        var clock = new FakeClock();
        var provider = new FakeGatewayBotInfoProvider(
            new GatewayBotInfo(Url.ToString(), 2, new SessionStartLimit(1000, 2, 60_000, 16)));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance, clock);

        (await gate.AcquireAsync(0, CancellationToken.None)).Dispose();
        (await gate.AcquireAsync(1, CancellationToken.None)).Dispose();
        Assert.Equal(0, gate.Remaining);

        var third = gate.AcquireAsync(2, CancellationToken.None);
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(60));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(60));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
