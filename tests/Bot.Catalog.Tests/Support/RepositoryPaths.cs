namespace Bot.Catalog.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding Bot.sln, found by walking up from the test binaries.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing Bot.sln above {AppContext.BaseDirectory}");
    }

    public static string DataDirectory() => Path.Combine(Root(), "data");
}
