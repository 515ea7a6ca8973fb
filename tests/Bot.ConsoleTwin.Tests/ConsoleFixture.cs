using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.ConsoleTwin.Tests;

internal static class ConsoleFixture
{
    private static readonly Lazy<ReadingAssistant> SharedAssistant = new(() =>
        new ReadingAssistant(new RecommendationEngine(CatalogLoader.LoadOrThrow(Repository.DataDirectory))));

    public static ReadingAssistant Assistant => SharedAssistant.Value;
}
