using System.Data;
using System.Data.Common;

namespace Bot.Storage.Sql;

/// <summary>
/// The differences between the SQL the two providers speak, in one place. Everything else (ON CONFLICT upserts with
/// <c>excluded.</c>, <c>@name</c> parameters, CHECK constraints) is written once and runs on both.
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract string Name { get; }

    /// <summary>A 64-bit integer column (Discord ids are stored as their signed 64-bit bit pattern).</summary>
    public abstract string BigInt { get; }

    /// <summary>An auto-numbered primary key column type.</summary>
    public abstract string Identity { get; }

    /// <summary>A point in time, UTC.</summary>
    public abstract string Timestamp { get; }

    public abstract string Boolean { get; }

    /// <summary>The tables the bot created, one name per row, schema_version included.</summary>
    public abstract string ListTablesSql { get; }

    /// <summary>Run first inside the migration transaction so two processes starting together migrate one after the other.</summary>
    public abstract string? MigrationLockSql { get; }

    public abstract void AddTimestamp(DbCommand command, string name, DateTimeOffset? value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTimestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Name => "sqlite";
        public override string BigInt => "INTEGER";
        public override string Identity => "INTEGER PRIMARY KEY AUTOINCREMENT";

        // Unix milliseconds: exact comparisons for lease expiry, where text timestamps would compare as strings.
        public override string Timestamp => "INTEGER";
        public override string Boolean => "INTEGER";
        public override string ListTablesSql => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";

        // BEGIN IMMEDIATE (what Microsoft.Data.Sqlite issues) already holds the database's single write lock.
        public override string? MigrationLockSql => null;

        public override void AddTimestamp(DbCommand command, string name, DateTimeOffset? value) =>
            command.AddParameter(name, value?.ToUnixTimeMilliseconds(), DbType.Int64);

        public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string Name => "postgres";
        public override string BigInt => "BIGINT";
        public override string Identity => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        public override string Timestamp => "TIMESTAMPTZ";
        public override string Boolean => "BOOLEAN";
        public override string ListTablesSql => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";

        // Any constant works; it only has to be the same in every bot process.
        public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7301955210)";

        // Truncated to milliseconds so both providers hand back the same instants.
        public override void AddTimestamp(DbCommand command, string name, DateTimeOffset? value) =>
            command.AddParameter(name, value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds()) : null, DbType.DateTimeOffset);

        public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
            reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}

internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static void AddId(this DbCommand command, string name, ulong? id) =>
        command.AddParameter(name, id is { } value ? unchecked((long)value) : null, DbType.Int64);

    public static void AddText(this DbCommand command, string name, string? value) =>
        command.AddParameter(name, value, DbType.String);

    public static void AddInt(this DbCommand command, string name, int? value) =>
        command.AddParameter(name, value, DbType.Int32);

    public static ulong GetId(this DbDataReader reader, int ordinal) => unchecked((ulong)reader.GetInt64(ordinal));

    public static ulong? GetNullableId(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetId(ordinal);
}
