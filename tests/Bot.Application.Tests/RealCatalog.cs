using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Application.Tests;

/// <summary>The repository's own catalog, loaded once for all tests.</summary>
internal static class RealCatalog
{
    private static readonly Lazy<ReadingAssistant> SharedAssistant = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(Repository.DataDirectory))));

    public static ReadingAssistant Assistant => SharedAssistant.Value;
}
