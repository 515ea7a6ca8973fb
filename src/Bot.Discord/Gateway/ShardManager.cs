using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// Runs the shards of this process: resolves the <see cref="ShardPlan"/> from GET /gateway/bot (shard count
/// <c>auto</c>), starts shards in id order (the shared <see cref="IIdentifyGate"/> spaces their Identify calls by
/// <c>max_concurrency</c> bucket) and aggregates their state for health checks.
/// </summary>
public sealed class ShardManager
{
    private readonly GatewayOptions _options;
    private readonly IGatewayBotInfoProvider _botInfoProvider;
    private readonly IIdentifyGate _identifyGate;
    private readonly DispatchDeduplicator _deduplicator;
    private readonly IGatewayEventHandler _handler;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<ShardManager> _logger;
    private readonly GatewayShardTimings _timings;
    private volatile IReadOnlyList<GatewayShard> _shards = [];
    private int _started;

    public ShardManager(
        IOptions<GatewayOptions> options,
        IGatewayBotInfoProvider botInfoProvider,
        IIdentifyGate identifyGate,
        DispatchDeduplicator deduplicator,
        IGatewayEventHandler handler,
        ILoggerFactory loggerFactory,
        GatewayShardTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _botInfoProvider = botInfoProvider;
        _identifyGate = identifyGate;
        _deduplicator = deduplicator;
        _handler = handler;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ShardManager>();
        _timings = timings ?? GatewayShardTimings.Default;
    }

    /// <summary>The resolved plan; null until <see cref="RunAsync"/> fetched GET /gateway/bot.</summary>
    public ShardPlan? Plan { get; private set; }

    /// <summary>The running shards (empty before <see cref="RunAsync"/>).</summary>
    public IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>True when every shard of this process has a ready session.</summary>
    public bool IsReady
    {
        get
        {
            var shards = _shards;
            return shards.Count > 0 && shards.All(s => s.IsReady);
        }
    }

    /// <summary>The oldest "last heartbeat ACK" across shards (null until every shard has one); for health checks.</summary>
    public DateTimeOffset? LastHeartbeatAck
    {
        get
        {
            var shards = _shards;
            if (shards.Count == 0)
            {
                return null;
            }

            DateTimeOffset? oldest = null;
            foreach (var shard in shards)
            {
                if (shard.LastHeartbeatAck is not { } ack)
                {
                    return null;
                }

                oldest = oldest is null || ack < oldest ? ack : oldest;
            }

            return oldest;
        }
    }

    /// <summary>
    /// Runs all shards until cancelled. If one shard stops with <see cref="GatewayClosedException"/>, the others are
    /// stopped and the exception is rethrown.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The shard manager can only run once.");
        }

        var info = await _botInfoProvider.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        _identifyGate.Seed(info);
        var plan = ShardPlan.Resolve(_options, info);
        Plan = plan;
        _logger.ShardPlanResolved(plan.ShardCount, string.Join(",", plan.ShardIds));

        var shards = plan.ShardIds
            .Select(id => new GatewayShard(
                id,
                plan.ShardCount,
                plan.GatewayUrl,
                _options,
                _identifyGate,
                _deduplicator,
                _handler,
                _loggerFactory.CreateLogger<GatewayShard>(),
                _timings))
            .ToArray();
        _shards = shards;

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = shards.ToDictionary(s => s.RunAsync(linked.Token), s => s);
        Exception? failure = null;
        while (running.Count > 0)
        {
            var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var shard = running[finished];
            running.Remove(finished);
            try
            {
                await finished.ConfigureAwait(false);
            }
            catch (Exception ex) when (failure is null)
            {
                _logger.ShardFailed(ex, shard.ShardId);
                failure = ex;
                await linked.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.ShardFailed(ex, shard.ShardId);
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
