using Bot.Storage.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bot.Storage.Tests;

/// <summary>A real database server (or file system) that hands each test its own empty database.</summary>
public interface IStorageFixture
{
    internal Task<IStorageDatabase> CreateDatabaseAsync();
}

/// <summary>SQLite: each test gets a fresh file in a temporary folder removed after the run.</summary>
public sealed class SqliteFixture : IStorageFixture, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-storage-tests-").FullName;
    private int _count;

    Task<IStorageDatabase> IStorageFixture.CreateDatabaseAsync()
    {
        var path = Path.Combine(_directory, $"test-{Interlocked.Increment(ref _count)}.db");
        return Task.FromResult<IStorageDatabase>(new SqliteStorageDatabase($"Data Source={path}", TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// PostgreSQL from BOT_TEST_POSTGRES: one throwaway database per run (dropped afterwards), one schema per test.
/// Without the variable they are skipped on a developer's machine and fail under CI, saying how to set it.
/// </summary>
public sealed class PostgresFixture : IStorageFixture, IAsyncLifetime
{
    public const string ConnectionVariable = "BOT_TEST_POSTGRES";
    public const string SkipVariable = "BOT_SKIP_POSTGRES";

    private readonly string? _adminConnectionString = Environment.GetEnvironmentVariable(ConnectionVariable);

    /// <summary>
    /// No server given: a developer's plain <c>dotnet test</c> reports the PostgreSQL tests as skipped (with how to run
    /// them), but under CI (<c>CI=true</c>, where .ci/run starts a server) they run and fail loudly instead, unless
    /// the opt-out is set explicitly.
    /// </summary>
    public static bool SkipRequested =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable))
        && (Environment.GetEnvironmentVariable(SkipVariable) == "1" || !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));
    private readonly string _databaseName = $"bot_test_{Guid.NewGuid():N}";
    private string? _testConnectionString;
    private int _count;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            return;
        }

        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _testConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = _databaseName,
            MaxPoolSize = 20,
        }.ToString();
    }

    async Task<IStorageDatabase> IStorageFixture.CreateDatabaseAsync()
    {
        if (_testConnectionString is null)
        {
            throw new InvalidOperationException(
                    $"{ConnectionVariable} is not set, so the PostgreSQL storage tests cannot run. Point it at a server whose user may create databases, " +
                    $"e.g. export {ConnectionVariable}='Host=127.0.0.1;Port=5432;Username=bot;Password=bot;Database=postgres' " +
                    $"(.ci/run installs and starts one), or set {SkipVariable}=1 to skip them.");
        }

        var schema = $"test_{Interlocked.Increment(ref _count)}";
        await using (var connection = new NpgsqlConnection(_testConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresStorageDatabase(new NpgsqlConnectionStringBuilder(_testConnectionString) { SearchPath = schema }.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_testConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
