using System.Numerics.Tensors;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests;

public sealed class MeaningIndexTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;
    private static MeaningIndex Meaning => Engine.Index.Meaning!;

    private static string IdOf(int doc) => Engine.Index.Resources[doc].Id;

    private static string[] ByMeaning(string request)
    {
        var placed = Meaning.Place(request);
        return [.. Enumerable.Range(0, Engine.Index.Resources.Count).OrderByDescending(doc => Meaning.Similarity(placed, doc)).Select(IdOf)];
    }

    [Fact]
    public void The_resources_on_the_subject_the_words_mean_are_the_most_similar()
    {
        // "lying" and "malicious" are only in the Byzantine items' summaries, "replicas" in several subjects'.
        Assert.Equal(["byzantine-intro", "pbft"], ByMeaning("lying malicious replicas").Take(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_word_no_resource_uses_still_finds_the_subject_of_the_texts_it_was_learned_from()
    {
        // These vectors also learned "dishonest traitor generals" as Byzantine: words no resource of the catalog uses.
        var catalog = FixtureCatalog.Create();
        float[] At(string topic) => [.. FixtureCatalog.Topics.Select(t => t.Id == topic ? 1f : 0f)];
        var vectors = Bot.Featurization.WordVectors.Build(
            [.. catalog.Resources.Select(r => (r.Title + " " + r.Summary, At(r.PrimaryTopic))), ("dishonest traitor generals", At("byzantine-fault-tolerance"))]);
        var meaning = new CatalogIndex(catalog, wordVectors: vectors).Meaning!;
        var request = meaning.Place("dishonest traitor");

        var best = Enumerable.Range(0, catalog.Resources.Count).MaxBy(doc => meaning.Similarity(request, doc));

        Assert.Equal("byzantine-fault-tolerance", catalog.Resources[best].PrimaryTopic);
        Assert.True(meaning.Similarity(request, best) > 0.9f);
    }

    [Fact]
    public void Words_without_a_vector_are_similar_to_nothing()
    {
        var request = Meaning.Place("quantum basketweaving");

        Assert.Equal(0f, TensorPrimitives.Norm(request));
        Assert.All(Enumerable.Range(0, Engine.Index.Resources.Count), doc => Assert.Equal(0f, Meaning.Similarity(request, doc)));
    }

    [Fact]
    public void An_index_built_without_word_vectors_has_no_meaning_and_its_candidates_score_zero_there()
    {
        var index = new CatalogIndex(FixtureCatalog.Create());
        var candidates = new RankingFeatureExtractor(index, new RankingOptions()).Extract(new RecommendationQuery { SubjectText = "lying malicious replicas" });

        Assert.Null(index.Meaning);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal(0f, c.Features[RankingFeatures.MeaningSimilarity]));
    }

    [Fact]
    public void Every_candidate_carries_its_meaning_similarity_and_the_best_one_is_relative_one()
    {
        var request = Meaning.Place("lying malicious replicas");
        var candidates = Engine.Recommender.Features.Extract(new RecommendationQuery { SubjectText = "lying malicious replicas" });

        var best = candidates.MaxBy(c => c.Features[RankingFeatures.MeaningSimilarity])!;
        Assert.Equal(1f, best.Features[RankingFeatures.MeaningRelative]);
        Assert.Contains(IdOf(best.Doc), new[] { "byzantine-intro", "pbft" });
        Assert.All(candidates, c => Assert.Equal(Meaning.Similarity(request, c.Doc), c.Features[RankingFeatures.MeaningSimilarity]));
    }
}
