using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>The real assistant over the repository's catalog, loaded once, for the host's end-to-end runs.</summary>
internal static class RealAssistant
{
    private static readonly Lazy<ReadingAssistant> Shared = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(DataDirectory))));

    public static ReadingAssistant Instance => Shared.Value;

    public static string DataDirectory => Repository.DataDirectory;
}
