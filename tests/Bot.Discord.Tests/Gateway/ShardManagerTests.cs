using Bot.Discord.Gateway;
using Bot.Discord.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Gateway;

public sealed class ShardManagerTests
{
    private static (ShardManager Manager, RecordingGatewayEventHandler Handler) Create(
        FakeGateway fake, int recommendedShards, Action<GatewayOptions>? configure = null)
    {
        var options = new GatewayOptions { Token = GatewayTestHarness.Token };
        configure?.Invoke(options);
        var provider = new FakeGatewayBotInfoProvider(FakeGatewayFixtures.GatewayBotInfo(fake.GatewayUrl, recommendedShards));
        var gate = new IdentifyGate(provider, NullLogger<IdentifyGate>.Instance) { Window = TimeSpan.FromMilliseconds(100) };
        var handler = new RecordingGatewayEventHandler();
        var manager = new ShardManager(
            Options.Create(options),
            provider,
            gate,
            new DispatchDeduplicator(1000, TimeSpan.FromMinutes(15)),
            handler,
            NullLoggerFactory.Instance,
            new GatewayShardTimings { HeartbeatJitter = () => 0.0, InitialReconnectDelay = TimeSpan.FromMilliseconds(20) });
        return (manager, handler);
    }

    [Fact(Timeout = 20_000)]
    public async Task Auto_shard_count_runs_every_recommended_shard()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 1000;
        var (manager, handler) = Create(fake, recommendedShards: 2);
        using var cts = new CancellationTokenSource();

        var run = manager.RunAsync(cts.Token);
        await Eventually.TrueAsync(
            () => manager.IsReady && manager.LastHeartbeatAck is not null && handler.Readies.Count == 2, "both shards ready");

        Assert.Equal(2, manager.Plan!.ShardCount);
        Assert.Equal(2, manager.Shards.Count);
        var shards = fake.Connections
            .SelectMany(c => c.ReceivedOp(2))
            .Select(p => p.Data!["shard"]!.ToJsonString())
            .Order()
            .ToList();
        Assert.Equal(["[0,2]", "[1,2]"], shards);
        Assert.Equal(2, handler.Readies.Count);

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(manager.IsReady);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_terminal_close_on_one_shard_stops_all_and_surfaces_the_error()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.OnIdentify = (connection, identify) =>
            identify["d"]!["shard"]![0]!.GetValue<int>() == 1
                ? connection.CloseAsync(4011, "Sharding required.")
                : fake.StartSessionAsync(connection, identify);
        var (manager, _) = Create(fake, recommendedShards: 9, o => o.ShardCount = "2");

        var ex = await Assert.ThrowsAsync<GatewayClosedException>(() => manager.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(4011, ex.CloseCode);
        Assert.Equal(2, manager.Plan!.ShardCount);
        Assert.All(manager.Shards, s => Assert.False(s.IsReady));
    }
}
