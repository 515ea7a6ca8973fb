using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;

namespace Bot.ConsoleTwin.Tests;

internal static class ConsoleFixture
{
    private static readonly Lazy<ReadingAssistant> SharedAssistant = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(Path.Combine(RepositoryRoot(), "data")))));

    public static ReadingAssistant Assistant => SharedAssistant.Value;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test binaries.");
    }
}
