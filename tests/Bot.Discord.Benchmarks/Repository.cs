namespace Bot.Discord.Benchmarks;

/// <summary>Where the repository, its catalog and the bot's own build output are, seen from this program.</summary>
internal static class Repository
{
    /// <summary>This program's build configuration; src/Bot is built in the same one.</summary>
    public static string Configuration { get; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string Root { get; } = FindRoot();

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string ArtifactsDirectory => Path.Combine(Root, "tests", "Bot.Discord.Benchmarks", "BenchmarkDotNet.Artifacts");

    /// <summary>
    /// The Bot.dll that <c>dotnet run --project src/Bot</c> would run, from src/Bot's own output (its own deps.json and
    /// runtimeconfig, the catalog beside it), built in this program's configuration by the project reference.
    /// </summary>
    public static string BotDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "Bot", "bin", Configuration, "net10.0", "Bot.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"Build src/Bot in {Configuration} first (dotnet build -c {Configuration} src/Bot).", path);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln not found above {AppContext.BaseDirectory}.");
    }
}
