using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bot.Storage;

/// <summary>
/// The <c>Storage</c> configuration section (environment: <c>Storage__Provider</c>, <c>Storage__ConnectionString</c>,
/// <c>Storage__Directory</c>). With nothing set the bot uses SQLite in <c>state/bot.db</c> under the content root.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";
    public const string DefaultFileName = "bot.db";

    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Required for PostgreSQL (an Npgsql connection string); for SQLite it overrides the state file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite state folder; relative paths are under the content root. Default: <c>state</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>How long a SQLite writer waits for another writer's lock before failing.</summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 10;

    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQLite connection string: the configured one, else the state file under <paramref name="contentRoot"/>.</summary>
    public string ResolveSqliteConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(Directory) ? "state" : Directory));
        return $"Data Source={Path.Combine(directory, DefaultFileName)}";
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail($"Storage:Provider is '{options.Provider}'; use '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgresProvider}'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:Provider is 'postgres' but Storage:ConnectionString is empty; set it (e.g. Host=127.0.0.1;Username=bot;Password=...;Database=bot).");
        }

        return ValidateOptionsResult.Success;
    }
}
