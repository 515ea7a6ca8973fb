namespace Bot.Catalog;

/// <summary>Finds the catalog's <c>data</c> directory for the running bot.</summary>
public static class CatalogLocator
{
    public const string DataDirectoryVariable = "BOT_DATA_DIR";

    private const string DataDirectoryName = "data";
    private const string MarkerFile = "topics.yaml";

    /// <summary>
    /// Returns, in order of preference: the <c>BOT_DATA_DIR</c> environment variable (as given, even if missing, so the
    /// loader can say it is missing); <c>AppContext.BaseDirectory/data</c>; the first <c>data</c> folder holding a
    /// <c>topics.yaml</c> found walking up from the current directory. Null when none applies.
    /// </summary>
    public static string? FindDataDirectory() =>
        FindDataDirectory(
            Environment.GetEnvironmentVariable(DataDirectoryVariable),
            AppContext.BaseDirectory,
            Directory.GetCurrentDirectory());

    internal static string? FindDataDirectory(string? configuredDirectory, string baseDirectory, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return Path.GetFullPath(configuredDirectory);
        }

        var besideApp = Path.Combine(baseDirectory, DataDirectoryName);
        if (IsDataDirectory(besideApp))
        {
            return Path.GetFullPath(besideApp);
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DataDirectoryName);
            if (IsDataDirectory(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsDataDirectory(string path) => File.Exists(Path.Combine(path, MarkerFile));
}
