using Bot.Discord.Gateway;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Testing;
using Bot.Host.Scaling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Tests.Scaling;

/// <summary>
/// Two bot processes (two shard managers with their own in-process gates) share one database and split four
/// shards; with max_concurrency 2, shards 0 and 2 share bucket 0, shards 1 and 3 bucket 1. Time is a fake clock.
/// </summary>
public sealed class LeasedIdentifyGateTests
{
    private const int ShardCount = 4;
    private const int MaxConcurrency = 2;

    [Fact(Timeout = 60_000)]
    public async Task Two_processes_never_identify_in_one_bucket_within_five_seconds()
    {
        var clock = new FakeClock();
        await using var database = await SharedDatabase.CreateAsync(clock);
        await using var fake = await FakeGateway.StartAsync();
        var identified = new List<(int Shard, DateTimeOffset At)>();
        var identifies = new Countdown();
        fake.OnIdentify = async (connection, identify) =>
        {
            lock (identified)
            {
                identified.Add((identify["d"]!["shard"]![0]!.GetValue<int>(), clock.GetUtcNow()));
            }

            identifies.Signal();
            await fake.StartSessionAsync(connection, identify);
        };

        var info = FakeGatewayFixtures.GatewayBotInfo(fake.GatewayUrl, ShardCount, maxConcurrency: MaxConcurrency);
        var ready = new Countdown();
        var processA = Process("process-a", [0, 1], info, database, clock, ready);
        var processB = Process("process-b", [2, 3], info, database, clock, ready);
        using var stop = new CancellationTokenSource();
        var runs = new[] { processA.RunAsync(stop.Token), processB.RunAsync(stop.Token) };
        static bool Polling(TimeSpan delay) => delay == LeasedIdentifyGate.MaxPoll;

        // At time 0 one process wins each bucket; the other two shards wait on the leases, re-checking every second.
        await identifies.WhenReached(2);
        await clock.WaitForArmedAsync(Polling, occurrence: 2);
        for (var second = 1; identifies.Count < ShardCount; second++)
        {
            Assert.True(second <= 10, "the waiting shards never identified");
            var armed = clock.CountArmed(Polling);
            clock.Advance(TimeSpan.FromSeconds(1));
            var waiting = ShardCount - identifies.Count;
            // Each waiting shard either identifies or arms its next re-check.
            await await Task.WhenAny(identifies.WhenReached(ShardCount), clock.WaitForArmedAsync(Polling, armed + waiting));
        }

        List<(int Shard, DateTimeOffset At)> snapshot;
        lock (identified)
        {
            snapshot = [.. identified];
        }

        Assert.Equal([0, 1, 2, 3], snapshot.Select(i => i.Shard).Order());
        foreach (var bucket in Enumerable.Range(0, MaxConcurrency))
        {
            var times = snapshot.Where(i => i.Shard % MaxConcurrency == bucket).Select(i => i.At).Order().ToList();
            Assert.True(times[1] - times[0] >= IdentifyGate.ConcurrencyWindow, $"bucket {bucket}: identifies at {times[0]:O} and {times[1]:O}");
        }

        // Each first identify went out at once: the shared gate does not slow down distinct buckets.
        Assert.Equal(2, snapshot.Count(i => i.At == snapshot[0].At));
        await ready.WhenReached(ShardCount);
        Assert.True(processA.IsReady && processB.IsReady);

        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_turn_given_up_before_identifying_frees_the_bucket_at_once()
    {
        var clock = new FakeClock();
        await using var database = await SharedDatabase.CreateAsync(clock);
        var info = FakeGatewayFixtures.GatewayBotInfo(new Uri("wss://gateway.invalid"), ShardCount, maxConcurrency: MaxConcurrency);
        var gateA = Gate("process-a", info, database, clock);
        var gateB = Gate("process-b", info, database, clock);

        var turn = await gateA.AcquireAsync(0, CancellationToken.None);
        Assert.Equal(0, turn.Bucket);
        Assert.Equal("process-a", (await database.Servers.GetLeaseAsync(LeasedIdentifyGate.LeaseName(0), CancellationToken.None))!.Holder);
        await turn.DisposeAsync();

        await using var next = await gateB.AcquireAsync(2, CancellationToken.None);
        Assert.Equal("process-b", (await database.Servers.GetLeaseAsync(LeasedIdentifyGate.LeaseName(0), CancellationToken.None))!.Holder);
    }

    private static LeasedIdentifyGate Gate(string holder, GatewayBotInfo info, SharedDatabase database, FakeClock clock)
    {
        var local = new IdentifyGate(new FakeGatewayBotInfoProvider(info), NullLogger<IdentifyGate>.Instance, clock);
        local.Seed(info);
        return new LeasedIdentifyGate(local, database.Servers, holder, TimeSpan.FromSeconds(30), clock, NullLogger<LeasedIdentifyGate>.Instance);
    }

    private static ShardManager Process(string holder, int[] shardIds, GatewayBotInfo info, SharedDatabase database, FakeClock clock, Countdown ready)
    {
        var options = new GatewayOptions { Token = Support.BotHarness.Token, ShardCount = ShardCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ShardIds = shardIds };
        return new ShardManager(
            Options.Create(options),
            new FakeGatewayBotInfoProvider(info),
            Gate(holder, info, database, clock),
            new DispatchDeduplicator(1000, TimeSpan.FromMinutes(15), clock),
            new ReadyCounter(ready),
            NullLoggerFactory.Instance,
            new GatewayShardTimings { TimeProvider = clock, HeartbeatJitter = () => 0.5 });
    }

    /// <summary>Counts events from the bot's own threads and lets the test await a count (real time only bounds a broken test).</summary>
    private sealed class Countdown
    {
        private readonly Lock _lock = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _count;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        public void Signal()
        {
            List<TaskCompletionSource> reached;
            lock (_lock)
            {
                _count++;
                reached = _waiters.Where(w => w.Count <= _count).Select(w => w.Reached).ToList();
                _waiters.RemoveAll(w => w.Count <= _count);
            }

            reached.ForEach(r => r.TrySetResult());
        }

        public Task WhenReached(int count)
        {
            lock (_lock)
            {
                if (_count >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task.WaitAsync(FakeClock.SafetyTimeout);
            }
        }
    }

    private sealed class ReadyCounter(Countdown ready) : IGatewayEventHandler
    {
        public Task OnReadyAsync(ReadyEvent readyEvent, CancellationToken cancellationToken)
        {
            ready.Signal();
            return Task.CompletedTask;
        }

        public Task OnInteractionCreateAsync(InteractionCreateEvent interactionCreate, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task OnMessageCreateAsync(MessageCreateEvent messageCreate, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
