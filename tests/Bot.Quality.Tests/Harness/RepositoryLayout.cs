namespace Bot.Quality.Harness;

/// <summary>Where the catalog and the judgments live, found by walking up to Bot.sln.</summary>
public static class RepositoryLayout
{
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Bot.sln not found above the binaries or the current directory.");
    }

    public static string DataDirectory() => Path.Combine(Root(), "data");

    public static string JudgmentsDirectory() => Path.Combine(Root(), "tests", "Bot.Quality.Tests", "Judgments");
}
