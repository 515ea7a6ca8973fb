using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>The real assistant over the repository's catalog, loaded once.</summary>
internal static class RealAssistant
{
    private static readonly Lazy<ReadingAssistant> Shared = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(DataDirectory))));

    public static ReadingAssistant Instance => Shared.Value;

    public static string DataDirectory => Path.Combine(RepositoryRoot(), "data");

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
