using Bot.Discord.Diagnostics;
using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>
/// Starts and stops the Discord bot. Start: GET /gateway/bot, resolve the shard plan (<c>auto</c> uses the
/// recommended count), register the commands when the application id is known, then start one
/// <see cref="GatewayShardService"/> per shard. Stop (e.g. SIGTERM): take no new work, let in-flight interactions
/// finish (bounded by <see cref="DiscordBotOptions.ShutdownTimeout"/>), then stop the shards, which close with 1000.
/// </summary>
public sealed partial class DiscordBotService : IHostedService
{
    private readonly IDiscordRestClient _rest;
    private readonly GatewayOptions _gatewayOptions;
    private readonly DiscordBotOptions _options;
    private readonly IIdentifyGate _identifyGate;
    private readonly DispatchDeduplicator _deduplicator;
    private readonly IGatewayEventHandler _handler;
    private readonly BotIdentity _identity;
    private readonly CommandRegistrationCoordinator _registration;
    private readonly WorkTracker _tracker;
    private readonly ShardRegistry _registry;
    private readonly BotRunState _runState;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<DiscordBotService> _logger;
    private readonly List<GatewayShardService> _shardServices = [];
    private readonly BotMetrics? _metrics;

    public DiscordBotService(
        IDiscordRestClient rest,
        IOptions<GatewayOptions> gatewayOptions,
        IOptions<DiscordBotOptions> options,
        IIdentifyGate identifyGate,
        DispatchDeduplicator deduplicator,
        IGatewayEventHandler handler,
        BotIdentity identity,
        CommandRegistrationCoordinator registration,
        WorkTracker tracker,
        ShardRegistry registry,
        BotRunState runState,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        BotMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _rest = rest;
        _gatewayOptions = gatewayOptions.Value;
        _options = options.Value;
        _identifyGate = identifyGate;
        _deduplicator = deduplicator;
        _handler = handler;
        _identity = identity;
        _registration = registration;
        _tracker = tracker;
        _registry = registry;
        _runState = runState;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DiscordBotService>();
    }

    /// <summary>The shard services started, for inspection.</summary>
    public IReadOnlyList<GatewayShardService> ShardServices => _shardServices;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Starting(
            _logger,
            string.Join("|", _gatewayOptions.Intents.ToDocumentedNames()),
            _options.ParsedFreeTextChannelIds.Count,
            _options.ParsedDevelopmentGuildId is { } guild ? $"guild {guild}" : "global");

        if (!_options.ParsedMode.RunsGateway())
        {
            // HTTP mode: no gateway, so no READY to learn the application id from; it must be configured.
            if (_identity.ApplicationId is { } httpApplicationId)
            {
                await _registration.EnsureRegisteredAsync(httpApplicationId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log.NoApplicationIdForHttp(_logger);
            }

            return;
        }

        var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        _identifyGate.Seed(info);
        var plan = ShardPlan.Resolve(_gatewayOptions, info);
        Log.Plan(_logger, plan.ShardCount, ShardSelection.Describe(plan.ShardIds));

        if (_identity.ApplicationId is { } applicationId)
        {
            await _registration.EnsureRegisteredAsync(applicationId, cancellationToken).ConfigureAwait(false);
        }

        var timings = new GatewayShardTimings { TimeProvider = _time, Metrics = _metrics };
        foreach (var shardId in plan.ShardIds)
        {
            var shard = new GatewayShard(
                shardId, plan.ShardCount, plan.GatewayUrl, _gatewayOptions, _identifyGate, _deduplicator, _handler,
                _loggerFactory.CreateLogger<GatewayShard>(), timings);
            _registry.Add(shard);
            var service = new GatewayShardService(shard, _runState, _loggerFactory.CreateLogger<GatewayShardService>());
            _shardServices.Add(service);
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(_logger, _tracker.InFlight);
        var drained = await _tracker.StopAsync(_options.ShutdownTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (!drained)
        {
            Log.DrainTimedOut(_logger, _tracker.InFlight, _options.ShutdownTimeout.TotalSeconds);
        }

        await Task.WhenAll(_shardServices.Select(s => s.StopAsync(cancellationToken))).ConfigureAwait(false);
        foreach (var service in _shardServices)
        {
            service.Dispose();
        }

        Log.Stopped(_logger);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3800, Level = LogLevel.Information, Message = "Starting the Discord bot: intents {Intents}, {FreeTextChannels} free-text channel(s), commands {Scope}")]
        public static partial void Starting(ILogger logger, string intents, int freeTextChannels, string scope);

        [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "Running shard(s) {ShardIds} of {ShardCount}")]
        public static partial void Plan(ILogger logger, int shardCount, string shardIds);

        [LoggerMessage(EventId = 3802, Level = LogLevel.Information, Message = "Stopping: no new work; waiting for {InFlight} in-flight interaction(s)/message(s)")]
        public static partial void Stopping(ILogger logger, int inFlight);

        [LoggerMessage(EventId = 3803, Level = LogLevel.Warning, Message = "{InFlight} interaction(s)/message(s) still running after {Seconds} s; cancelling them")]
        public static partial void DrainTimedOut(ILogger logger, int inFlight, double seconds);

        [LoggerMessage(EventId = 3805, Level = LogLevel.Warning, Message = "HTTP mode without Discord:ApplicationId: the slash commands are not registered by this process")]
        public static partial void NoApplicationIdForHttp(ILogger logger);

        [LoggerMessage(EventId = 3804, Level = LogLevel.Information, Message = "Discord bot stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
