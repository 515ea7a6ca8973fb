using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>The shipped word vectors were built from the catalog as it is: every word of every item has a vector.</summary>
public sealed class WordVectorTests
{
    [Fact]
    public void Every_word_of_every_catalog_item_has_a_vector()
    {
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var vectors = MeaningIndex.Shipped;

        var unknown = catalog.Resources
            .SelectMany(r => WordVectors.WordsOf(r.Title + ". " + r.Summary).Where(word => !vectors.Knows(word)).Select(word => $"{r.Id}: {word}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            unknown.Count == 0,
            $"{unknown.Count} catalog words have no vector ({string.Join(", ", unknown.Take(10))}): rebuild them with `dotnet run -c Release --project src/Bot.WordVectorBuilder`, then retrain the ranker.");
    }
}
