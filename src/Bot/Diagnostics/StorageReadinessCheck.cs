using Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Diagnostics;

/// <summary>
/// Part of <c>/readyz</c>: the database answers a read. A replica that cannot reach it would lose every reader action,
/// so the load balancer should send its traffic elsewhere. The reason never carries the error: it may name the server.
/// </summary>
public sealed class StorageReadinessCheck(IServerStore store) : IHealthCheck
{
    public const string Name = "database";

    // A lease nobody takes: reading it is one indexed lookup on a table every schema version has.
    private const string ProbeLease = "readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetLeaseAsync(ProbeLease, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
