using Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.DiscordAdapter.Tests.Scaling;

/// <summary>One migrated SQLite file standing in for the database several bot processes share.</summary>
internal sealed class SharedDatabase : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-scale-tests-").FullName;
    private readonly ServiceProvider _services;

    private SharedDatabase(TimeProvider time)
    {
        ConnectionString = $"Data Source={Path.Combine(_directory, "bot.db")}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSingleton(time).AddBotStorage(configuration).BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public IServerStore Servers => _services.GetRequiredService<IServerStore>();

    public IReplicaStateStore Replicas => _services.GetRequiredService<IReplicaStateStore>();

    public static async Task<SharedDatabase> CreateAsync(TimeProvider? time = null)
    {
        var database = new SharedDatabase(time ?? TimeProvider.System);
        await database._services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
