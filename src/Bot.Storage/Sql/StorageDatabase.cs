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

    /// <summary>
    /// Waits for this process's turn to write where the database takes one writer at a time; dispose the result when
    /// the write transaction is over. Null where writers need no turn.
    /// </summary>
    ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken);
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

    // SQLite has one writer per file. Without a queue in the process, every waiting writer holds a thread in SQLite's
    // busy handler (Microsoft.Data.Sqlite's async calls run synchronously), which polls with growing sleeps and lets a
    // late writer overtake, so under load some wait past the busy timeout ("database is locked"). Here they wait in
    // order without a thread; the busy timeout remains for writers in other processes.
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
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

    public async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeTurn);
    }

    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeTurn.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class WriteTurn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
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

    /// <summary>PostgreSQL runs writers side by side; conflicts are settled by row locks and ON CONFLICT.</summary>
    public ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
