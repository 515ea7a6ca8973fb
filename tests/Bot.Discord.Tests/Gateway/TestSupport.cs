using System.Collections.Concurrent;
using Bot.Discord.Gateway;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Testing;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Records handler calls; optional hooks let tests block or observe.</summary>
internal sealed class RecordingGatewayEventHandler : IGatewayEventHandler
{
    public ConcurrentQueue<ReadyEvent> Readies { get; } = new();

    public ConcurrentQueue<InteractionCreateEvent> Interactions { get; } = new();

    public ConcurrentQueue<MessageCreateEvent> Messages { get; } = new();

    public Func<InteractionCreateEvent, CancellationToken, Task>? OnInteraction { get; set; }

    public Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken)
    {
        Readies.Enqueue(ready);
        return Task.CompletedTask;
    }

    public async Task OnInteractionCreateAsync(InteractionCreateEvent interactionCreate, CancellationToken cancellationToken)
    {
        if (OnInteraction is { } hook)
        {
            await hook(interactionCreate, cancellationToken);
        }

        Interactions.Enqueue(interactionCreate);
    }

    public Task OnMessageCreateAsync(MessageCreateEvent messageCreate, CancellationToken cancellationToken)
    {
        Messages.Enqueue(messageCreate);
        return Task.CompletedTask;
    }

    public int InteractionCount(ulong id) => Interactions.Count(i => i.Interaction.Id == id);

    public int MessageCount(ulong id) => Messages.Count(m => m.Message.Id == id);
}

/// <summary>Captures every log entry (message, state values, exception) at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public string AllText => string.Join("\n", Entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            provider.Entries.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} | {values} | {exception}");
        }
    }
}

/// <summary>Bounded waiting for test conditions.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>Settings of a shard under test.</summary>
internal sealed record HarnessSettings
{
    public GatewayIntents Intents { get; init; } = GatewayIntentSets.ForBot(freeTextEnabled: false);

    public Func<double> HeartbeatJitter { get; init; } = () => 0.5;

    public Func<TimeSpan> InvalidSessionDelay { get; init; } = () => TimeSpan.FromMilliseconds(50);

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int DispatchConcurrency { get; init; } = 4;

    public Action<GatewayOptions>? Configure { get; init; }

    public TimeProvider? TimeProvider { get; init; }
}

/// <summary>A <see cref="GatewayShard"/> running against a <see cref="FakeGateway"/>, with captured logs.</summary>
internal sealed class GatewayTestHarness : IAsyncDisposable
{
    /// <summary>A plausibly shaped, fake token.</summary>
    public const string Token = "MTA5ODc2NTQzMjEwOTg3NjU0MzI.GxYzAb.fAkEtOkEnFoRtEsTsOnLy_abcdefghijklmnopq";

    private readonly CancellationTokenSource _cts = new();
    private readonly ILoggerFactory _loggerFactory;

    private GatewayTestHarness(FakeGateway fake, HarnessSettings settings)
    {
        Fake = fake;
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        Options = new GatewayOptions
        {
            Token = Token,
            Intents = settings.Intents,
            HandshakeTimeout = settings.HandshakeTimeout,
            DispatchConcurrency = settings.DispatchConcurrency,
        };
        settings.Configure?.Invoke(Options);
        BotInfo = new FakeGatewayBotInfoProvider(FakeGatewayFixtures.GatewayBotInfo(fake.GatewayUrl));
        Gate = new IdentifyGate(BotInfo, _loggerFactory.CreateLogger<IdentifyGate>()) { Window = TimeSpan.FromMilliseconds(20) };
        Deduplicator = new DispatchDeduplicator(1000, TimeSpan.FromMinutes(15));
        Shard = new GatewayShard(
            0,
            1,
            fake.GatewayUrl,
            Options,
            Gate,
            Deduplicator,
            Handler,
            _loggerFactory.CreateLogger<GatewayShard>(),
            new GatewayShardTimings
            {
                TimeProvider = settings.TimeProvider ?? TimeProvider.System,
                HeartbeatJitter = settings.HeartbeatJitter,
                InvalidSessionDelay = settings.InvalidSessionDelay,
                InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
                BackoffJitter = () => 0.5,
            });
    }

    public FakeGateway Fake { get; }

    public GatewayOptions Options { get; }

    public FakeGatewayBotInfoProvider BotInfo { get; }

    public IdentifyGate Gate { get; }

    public DispatchDeduplicator Deduplicator { get; }

    public GatewayShard Shard { get; }

    public RecordingGatewayEventHandler Handler { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public Task Run { get; private set; } = Task.CompletedTask;

    public static GatewayTestHarness Start(FakeGateway fake, HarnessSettings? settings = null)
    {
        var harness = new GatewayTestHarness(fake, settings ?? new HarnessSettings());
        harness.Run = Task.Run(() => harness.Shard.RunAsync(harness._cts.Token));
        return harness;
    }

    /// <summary>Waits for the shard to be ready on connection <paramref name="connectionIndex"/>.</summary>
    public async Task<FakeGatewayConnection> WaitReadyAsync(int connectionIndex = 0)
    {
        var connection = await Fake.WaitForConnectionAsync(connectionIndex, Eventually.Timeout);
        await Eventually.TrueAsync(
            () => Shard.IsReady && Fake.Connections.Count == connectionIndex + 1,
            $"shard ready on connection {connectionIndex}");
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is GatewayClosedException or GatewayPayloadTooLargeException or OperationCanceledException)
        {
        }

        _cts.Dispose();
        _loggerFactory.Dispose();
    }
}
