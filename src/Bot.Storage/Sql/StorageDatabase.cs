using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bot.Storage.Sql;

/// <summary>A provider: how to open a connection and begin a transaction, and the dialect its SQL is written in.</summary>
internal interface IStorageDatabase : IAsyncDisposable
{
    SqlDialect Dialect { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction, or a consistent read-only snapshot when <paramref name="readOnly"/>.</summary>
    Task<DbTransaction> BeginAsync(DbConnection connection, bool readOnly, CancellationToken cancellationToken);
}

internal static class StorageDatabase
{
    public static IStorageDatabase Create(StorageOptions options, string contentRoot) =>
        options.IsPostgres
            ? new PostgresStorageDatabase(options.ConnectionString!)
            : new SqliteStorageDatabase(options.ResolveSqliteConnectionString(contentRoot), TimeSpan.FromSeconds(options.BusyTimeoutSeconds));
}

internal sealed class SqliteStorageDatabase : IStorageDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private int _walEnabled;

    public SqliteStorageDatabase(string connectionString, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        };
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException("SQLite storage needs a file: every action opens its own connection.", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        _busyTimeoutMilliseconds = (int)busyTimeout.TotalMilliseconds;
        FilePath = Path.GetFullPath(builder.DataSource);
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public string FilePath { get; }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();

            // WAL lets readers run beside the writer; it is a property of the file, so setting it once is enough.
            pragma.CommandText = Interlocked.Exchange(ref _walEnabled, 1) == 0
                ? $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {_busyTimeoutMilliseconds};"
                : $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<DbTransaction> BeginAsync(DbConnection connection, bool readOnly, CancellationToken cancellationToken)
    {
        // Writers take the lock up front (BEGIN IMMEDIATE), so a read-then-write never fails on lock upgrade.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: readOnly);
        return Task.FromResult(transaction);
    }

    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresStorageDatabase(string connectionString) : IStorageDatabase
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public SqlDialect Dialect => SqlDialect.Postgres;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginAsync(DbConnection connection, bool readOnly, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(readOnly ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
