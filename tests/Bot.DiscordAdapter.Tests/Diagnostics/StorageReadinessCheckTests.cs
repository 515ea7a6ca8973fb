using Bot.Host.Diagnostics;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.DiscordAdapter.Tests.Diagnostics;

/// <summary>/readyz's database part, against real SQLite files: ready once migrated, not ready when the schema is missing.</summary>
public sealed class StorageReadinessCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-readiness-").FullName;

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        await using var services = Storage("ready.db");
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);

        var result = await Check(services);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task A_database_that_cannot_answer_is_not_ready_and_the_reason_names_no_server()
    {
        await using var services = Storage("empty.db");

        var result = await Check(services);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(_directory, result.Description ?? string.Empty, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Storage(string file) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddBotStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, file)}" }).Build())
            .BuildServiceProvider();

    private static Task<HealthCheckResult> Check(IServiceProvider services) =>
        new StorageReadinessCheck(services.GetRequiredService<IServerStore>()).CheckHealthAsync(new HealthCheckContext());
}
