namespace Bot.Storage;

/// <summary>The database was migrated by a newer build of the bot; this one must not touch it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int knownVersion) : Exception(
    $"The storage database is at schema version {databaseVersion}, but this build of the bot only knows versions up to {knownVersion}. " +
    "A newer build has migrated it; run that build (or a later one), or point Storage:ConnectionString at another database. Nothing was changed.")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int KnownVersion { get; } = knownVersion;
}
