using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Bot.Storage.Sql;

/// <summary>
/// Brings the database to the binary's schema version at start, all pending migrations in one transaction, and
/// refuses a database that a newer binary has already moved past.
/// </summary>
internal sealed partial class SchemaMigrator(IStorageDatabase database, TimeProvider timeProvider, ILogger<SchemaMigrator> logger) : IStorageMigrator
{
    private readonly IReadOnlyList<Migration> _migrations = Migrations.All;

    /// <summary>Returns the schema version the database is at afterwards.</summary>
    /// <exception cref="SchemaTooNewException">The database's schema is newer than this binary knows.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginAsync(connection, readOnly: false, cancellationToken).ConfigureAwait(false);

        if (dialect.MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at {dialect.Timestamp} NOT NULL)",
            cancellationToken).ConfigureAwait(false);

        int current;
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var latest = _migrations[^1].Version;
        if (current > latest)
        {
            throw new SchemaTooNewException(current, latest);
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements(dialect))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @applied_at)";
            record.AddInt("@version", migration.Version);
            record.AddText("@description", migration.Description);
            dialect.AddTimestamp(record, "@applied_at", timeProvider.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(migration.Version, migration.Description, dialect.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (current == latest)
        {
            LogCurrent(latest, dialect.Name);
        }

        return latest;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema migrated to version {Version} ({Description}) on {Provider}")]
    private partial void LogApplied(int version, string description, string provider);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage schema is current at version {Version} on {Provider}")]
    private partial void LogCurrent(int version, string provider);
}
