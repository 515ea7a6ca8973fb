using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.Storage.Load;

/// <summary>
/// One database to run against: a SQLite file (a new one in a temp folder unless --connection names one) or a
/// PostgreSQL database created for the run on the server --connection points at (dropped by <see cref="DropAsync"/>).
/// </summary>
internal sealed class StorageTarget
{
    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private string? _ownedDirectory;

    private StorageTarget(string provider, string connectionString, string? adminConnection, string? databaseName, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        Description = description;
    }

    public string Provider { get; }

    /// <summary>What the bot's Storage__ConnectionString would be.</summary>
    public string ConnectionString { get; }

    public string Description { get; }

    public bool IsPostgres => Provider == "postgres";

    /// <summary>A new, empty database (or, with --database, the one a parent process created).</summary>
    public static async Task<StorageTarget> CreateAsync(Arguments args)
    {
        var connection = args.Text("--connection");
        if (args.Provider == "sqlite")
        {
            var owned = connection is null ? Directory.CreateTempSubdirectory("bot-storage-load-").FullName : null;
            var cs = connection ?? $"Data Source={Path.Combine(owned!, "bot.db")}";
            var file = new SqliteConnectionStringBuilder(cs).DataSource;
            return new StorageTarget("sqlite", cs, null, null, $"SQLite file {file}") { _ownedDirectory = owned };
        }

        if (connection is null)
        {
            throw new ArgumentException("--provider postgres needs --connection (e.g. Host=127.0.0.1;Port=5432;Username=bot;Password=bot;Database=postgres)");
        }

        var name = args.Text("--database");
        var admin = new NpgsqlConnectionStringBuilder(connection);
        if (name is null)
        {
            name = $"bot_load_{Environment.ProcessId}_{DateTime.UtcNow:HHmmssfff}";
            await using var adminConnection = new NpgsqlConnection(admin.ConnectionString);
            await adminConnection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", adminConnection);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(connection) { Database = name };
        var version = "";
        await using (var probe = new NpgsqlConnection(target.ConnectionString))
        {
            await probe.OpenAsync();
            version = probe.PostgreSqlVersion.ToString();
        }

        return new StorageTarget("postgres", target.ConnectionString, admin.ConnectionString, name, $"PostgreSQL {version} database {name} on {target.Host}:{target.Port}");
    }

    /// <summary>The arguments that make a child process use this same database.</summary>
    public IReadOnlyList<string> ChildArguments() => IsPostgres
        ? ["--provider", "postgres", "--connection", _adminConnection!, "--database", _databaseName!]
        : ["--provider", "sqlite", "--connection", ConnectionString];

    /// <summary>The bot's storage registration over this database, as the host builds it.</summary>
    public ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = Provider,
                ["Storage:ConnectionString"] = ConnectionString,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
    }

    /// <summary>A plain connection for counting rows, outside the store.</summary>
    public async Task<DbConnection> OpenRawAsync()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Empties the database (drops every table), for start-up runs on an empty database.</summary>
    public async Task ResetAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await OpenRawAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;";
            await drop.ExecuteNonQueryAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    public async Task DropAsync()
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            if (_ownedDirectory is not null)
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
