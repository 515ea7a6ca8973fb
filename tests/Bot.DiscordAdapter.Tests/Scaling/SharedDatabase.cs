using Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.DiscordAdapter.Tests.Scaling;

/// <summary>
/// The database several bot processes share: a throwaway PostgreSQL database when BOT_TEST_POSTGRES names a server
/// (as .ci/run does, so CI runs the replicas on PostgreSQL, what production uses), else one migrated SQLite file.
/// </summary>
internal sealed class SharedDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "BOT_TEST_POSTGRES";

    private readonly string _directory = Directory.CreateTempSubdirectory("bot-scale-tests-").FullName;
    private readonly string? _postgresAdmin = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } admin ? admin : null;
    private readonly string _postgresDatabase = $"bot_scale_{Guid.NewGuid():N}";
    private readonly ServiceProvider _services;

    private SharedDatabase(TimeProvider time)
    {
        (Provider, ConnectionString) = _postgresAdmin is null
            ? ("sqlite", $"Data Source={Path.Combine(_directory, "bot.db")}")
            : ("postgres", new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ToString());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = Provider, ["Storage:ConnectionString"] = ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSingleton(time).AddBotStorage(configuration).BuildServiceProvider();
    }

    /// <summary>The storage provider the replicas are configured with: "postgres" or "sqlite".</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public IServerStore Servers => _services.GetRequiredService<IServerStore>();

    public IReplicaStateStore Replicas => _services.GetRequiredService<IReplicaStateStore>();

    public static async Task<SharedDatabase> CreateAsync(TimeProvider? time = null)
    {
        var database = new SharedDatabase(time ?? TimeProvider.System);
        if (database._postgresAdmin is { } admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database._postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await database._services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (_postgresAdmin is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
