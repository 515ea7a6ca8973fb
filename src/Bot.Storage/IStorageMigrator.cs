namespace Bot.Storage;

/// <summary>
/// Applies pending schema migrations. The host does this at start (see <see cref="StorageMigrationService"/>); a
/// process without a host, such as the console twin, calls it once before using the stores.
/// </summary>
public interface IStorageMigrator
{
    /// <summary>Returns the schema version the database is at afterwards.</summary>
    /// <exception cref="SchemaTooNewException">The database's schema is newer than this binary knows; nothing was changed.</exception>
    Task<int> MigrateAsync(CancellationToken cancellationToken);
}
