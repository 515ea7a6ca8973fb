namespace Bot.Testing;

/// <summary>Paths of the repository under test, found by walking up from the test binaries to Bot.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string DataDirectory => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
