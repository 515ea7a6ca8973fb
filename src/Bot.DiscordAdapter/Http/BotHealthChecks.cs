using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Http;

/// <summary>Alive: the process runs and no shard has stopped it with a fatal error.</summary>
public sealed class AliveHealthCheck(BotRunState runState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(runState.FatalError is { } fatal ? HealthCheckResult.Unhealthy(fatal) : HealthCheckResult.Healthy());
}

/// <summary>
/// Ready for traffic: every gateway shard connected and heartbeating (gateway and both modes), the HTTP listener up
/// (http and both), and not shutting down. Other ready checks (the database's) are added with the tag
/// <see cref="BotHttpListener.ReadyTag"/>.
/// </summary>
public sealed class DiscordReadinessCheck(
    IOptions<DiscordBotOptions> options, ShardRegistry shards, BotHttpListener listener, WorkTracker tracker, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mode = options.Value.ParsedMode;
        if (tracker.IsStopping)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("shutting down"));
        }

        if (mode.RunsGateway() && !shards.IsHealthy(time.GetUtcNow(), options.Value.HealthMaxHeartbeatAge))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("gateway not connected"));
        }

        if (mode.ServesHttpInteractions() && !listener.IsListening)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("HTTP endpoint not listening"));
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
