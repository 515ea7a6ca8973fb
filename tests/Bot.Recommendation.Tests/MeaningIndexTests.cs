using System.Numerics.Tensors;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests;

public sealed class MeaningIndexTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;
    private static MeaningIndex Meaning => Engine.Index.Meaning!;

    private static string IdOf(int doc) => Engine.Index.Resources[doc].Id;

    [Fact]
    public void The_nearest_resources_come_best_first_and_are_on_the_subject_the_words_mean()
    {
        // "lying" and "malicious" are only in the Byzantine items' summaries, "replicas" in several subjects'.
        var request = Meaning.Place("lying malicious replicas");

        var nearest = Meaning.Nearest(request, 3);

        Assert.Equal(3, nearest.Count);
        Assert.Equal(["byzantine-intro", "pbft"], nearest.Take(2).Select(IdOf).Order(StringComparer.Ordinal));
        var similarities = nearest.Select(doc => Meaning.Similarity(request, doc)).ToArray();
        Assert.Equal(similarities.OrderDescending(), similarities);
        Assert.True(Meaning.Similarity(request, Engine.Index.PositionOf("lsm")) < similarities[1]);
    }

    [Fact]
    public void Words_without_a_vector_find_nothing_by_meaning()
    {
        var request = Meaning.Place("quantum basketweaving");

        Assert.Empty(Meaning.Nearest(request, 5));
        Assert.Equal(0f, TensorPrimitives.Norm(request));
        Assert.Equal(0f, Meaning.Similarity(request, 0));
    }

    [Fact]
    public void Every_candidate_carries_its_meaning_similarity_and_the_best_one_is_relative_one()
    {
        var candidates = Engine.Recommender.Features.Extract(new RecommendationQuery { SubjectText = "lying malicious replicas" });

        var best = candidates.MaxBy(c => c.Features[RankingFeatures.MeaningSimilarity])!;
        Assert.Equal(1f, best.Features[RankingFeatures.MeaningRelative]);
        Assert.Contains(IdOf(best.Doc), new[] { "byzantine-intro", "pbft" });
        Assert.All(candidates, c => Assert.Equal(Meaning.Similarity(Meaning.Place("lying malicious replicas"), c.Doc), c.Features[RankingFeatures.MeaningSimilarity]));
    }

    [Fact]
    public void The_resources_nearest_by_meaning_are_candidates_even_when_no_word_is_shared()
    {
        // The vectors also learned "dishonest traitor generals" as Byzantine, words no resource of the catalog uses.
        var catalog = FixtureCatalog.Create();
        var byzantine = FixtureCatalog.Topics.Select(t => t.Id == "byzantine-fault-tolerance" ? 1f : 0f).ToArray();
        var vectors = Bot.Featurization.WordVectors.Build(
            [.. catalog.Resources.Select(r => (r.Title + " " + r.Summary, FixtureCatalog.Topics.Select(t => t.Id == r.PrimaryTopic ? 1f : 0f).ToArray())),
             ("dishonest traitor generals", byzantine)]);
        var index = new CatalogIndex(catalog, wordVectors: vectors);
        var query = new RecommendationQuery { SubjectText = "dishonest traitor" };

        // Ten of eighteen: text retrieval alone (character n-grams of words no resource uses) fills them with others.
        string[] Candidates(int meaningCandidates) =>
            [.. new RankingFeatureExtractor(index, new RankingOptions { MeaningCandidates = meaningCandidates, NameCandidates = 0, MaxCandidates = 10 })
                .Extract(query).Select(c => index.Resources[c.Doc].Id)];

        Assert.False(Candidates(0).Contains("pbft") && Candidates(0).Contains("byzantine-intro"));
        Assert.Contains("pbft", Candidates(2));
        Assert.Contains("byzantine-intro", Candidates(2));
    }
}
