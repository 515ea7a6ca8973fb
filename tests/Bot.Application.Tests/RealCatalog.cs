using Bot.Catalog;
using Bot.Recommendation;

namespace Bot.Application.Tests;

/// <summary>The repository's own catalog, loaded once for all tests.</summary>
internal static class RealCatalog
{
    private static readonly Lazy<ReadingAssistant> SharedAssistant = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(DataDirectory()))));

    public static ReadingAssistant Assistant => SharedAssistant.Value;

    public static string DataDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test binaries."), "data");
    }
}
