using Bot.Catalog;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class RankingFeatureExtractorTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;

    private static Dictionary<string, float[]> Extract(RecommendationQuery query) =>
        Engine.Recommender.Features.Extract(query).ToDictionary(c => Engine.Index.Resources[c.Doc].Id, c => c.Features, StringComparer.Ordinal);

    [Fact]
    public void The_most_recommended_item_on_the_asked_topic_ranks_first_among_its_topic_and_kind()
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus" });

        // paxos-simple is on three lists, raft-paper on two, consensus-book on one, raft-dissertation on none.
        Assert.Equal(0, features["paxos-simple"][RankingFeatures.CanonRankInTopic]);
        Assert.Equal(0, features["paxos-simple"][RankingFeatures.CanonRankOfKindInTopic]);
        Assert.Equal(1, features["paxos-simple"][RankingFeatures.SourceWeightRelative]);
        Assert.Equal(1, features["raft-paper"][RankingFeatures.CanonRankOfKindInTopic]);
        Assert.Equal(0, features["consensus-book"][RankingFeatures.CanonRankOfKindInTopic]);
        Assert.True(features["consensus-book"][RankingFeatures.CanonRankInTopic] >= 2);
        Assert.True(features["raft-dissertation"][RankingFeatures.SourceWeightRelative] < features["raft-paper"][RankingFeatures.SourceWeightRelative]);
    }

    [Theory]
    [InlineData(1f, 1f)]
    [InlineData(0.35f, 0.35f)]
    public void Every_candidate_knows_how_sure_the_asked_topic_is(float confidence, float expected)
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["consensus"], TopicConfidence = confidence, SubjectText = "consensus" });
        var none = Extract(new RecommendationQuery { SubjectText = "consensus" });

        Assert.All(features.Values, f => Assert.Equal(expected, f[RankingFeatures.TopicConfidence]));
        Assert.All(none.Values, f => Assert.Equal(0f, f[RankingFeatures.TopicConfidence]));
    }

    [Fact]
    public void A_ruled_out_kind_is_never_a_candidate()
    {
        var all = Extract(new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus" });
        var noPapers = Extract(new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus", ExcludedKinds = [ResourceKind.Paper] });

        Assert.Contains(all.Keys, id => Engine.Catalog.FindResource(id)!.Kind == ResourceKind.Paper);
        Assert.NotEmpty(noPapers);
        Assert.DoesNotContain(noPapers.Keys, id => Engine.Catalog.FindResource(id)!.Kind == ResourceKind.Paper);
    }

    [Fact]
    public void An_item_on_no_asked_topic_has_no_rank_within_the_topic()
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus clocks ordering events" });

        Assert.Equal(-1, features["lamport-clocks"][RankingFeatures.CanonRankInTopic]);
        Assert.Equal(-1, features["lamport-clocks"][RankingFeatures.CanonRankOfKindInTopic]);
        Assert.True(features["lamport-clocks"][RankingFeatures.CanonRankOfKind] >= 0);
    }

    [Fact]
    public void Words_that_belong_to_a_topic_raise_the_fit_of_items_on_it_without_the_topic_being_asked()
    {
        var features = Extract(new RecommendationQuery { SubjectText = "malicious lying replicas byzantine agreement" });

        Assert.Equal(1, features["pbft"][RankingFeatures.TopicTextFit]);
        Assert.Equal(1, features["byzantine-intro"][RankingFeatures.PrimaryTopicTextFit]);
        Assert.True(features["lsm"][RankingFeatures.TopicTextFit] < 1);
        Assert.Equal(0, features["pbft"][RankingFeatures.AskedTopicCount]);
    }

    [Fact]
    public void The_asked_topic_count_is_the_same_for_every_candidate()
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["consensus", "replication"], SubjectText = "consensus replication" });

        Assert.All(features.Values, f => Assert.Equal(2, f[RankingFeatures.AskedTopicCount]));
    }

    [Fact]
    public void Word_coverage_matches_words_by_stem_and_weighs_rare_words_more()
    {
        var features = Extract(new RecommendationQuery { SubjectText = "chain replicas throughput" });

        // "replicas" and "replication" share their first six letters; chain-replication's text has all three words.
        Assert.Equal(1, features["chain-replication"][RankingFeatures.WordCoverage], 4);
        Assert.Equal(3, features["chain-replication"][RankingFeatures.WordsMatched]);
        var replicationOnly = features["replication-book"];
        Assert.Equal(1, replicationOnly[RankingFeatures.WordsMatched]);
        Assert.InRange(replicationOnly[RankingFeatures.WordCoverage], 0.01f, 0.5f);
    }

    [Fact]
    public void An_items_concepts_are_matched_as_its_summary_is()
    {
        // Only the LSM paper's concepts hold these words; its title and summary do not.
        var features = Extract(new RecommendationQuery { SubjectText = "amplification tombstones" });

        Assert.True(features.ContainsKey("lsm"), "the item was not found by its concepts");
        Assert.True(features["lsm"][RankingFeatures.SummarySimilarity] > 0);
        Assert.True(features["lsm"][RankingFeatures.TextSimilarity] > 0);
        Assert.Equal(2, features["lsm"][RankingFeatures.WordsMatched]);
    }

    [Fact]
    public void A_request_without_catalog_words_covers_nothing()
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["storage"], SubjectText = "zxqv" });

        Assert.All(features.Values, f => Assert.Equal(0, f[RankingFeatures.WordCoverage]));
    }

    [Fact]
    public void What_the_catalog_names_after_a_read_item_is_a_candidate_and_marked()
    {
        var features = Extract(new RecommendationQuery { TopicIds = ["storage"], SubjectText = "log structured merge trees", ExcludedIds = new HashSet<string> { "raft-paper" }, ReadIds = new HashSet<string> { "raft-paper" } });

        Assert.Equal(1, features["paxos-simple"][RankingFeatures.NextAfterRead]);
        Assert.DoesNotContain("raft-paper", features.Keys);
        Assert.All(features.Where(pair => pair.Key != "paxos-simple"), pair => Assert.Equal(0, pair.Value[RankingFeatures.NextAfterRead]));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(0, false)]
    public void What_the_nearest_judged_asks_graded_highest_is_a_candidate_when_asked_for(int neighbourCandidates, bool expected)
    {
        // A judged ask worded like this one gave the PBFT paper, which neither the words nor the topic find.
        var priors = JudgedPriors.From(
        [
            new JudgedExample(["storage"], null, new Dictionary<string, int> { ["pbft"] = 3 }, "storage"),
            new JudgedExample(["consensus"], null, new Dictionary<string, int> { ["raft-paper"] = 3 }, "raft leader election"),
        ]);
        var extractor = new RankingFeatureExtractor(Engine.Index, new RankingOptions { JudgedNeighbourCandidates = neighbourCandidates }, priors);
        var query = new RecommendationQuery { TopicIds = ["storage"] };
        var withoutPriors = Extract(query);

        var ids = extractor.Extract(query).Select(c => Engine.Index.Resources[c.Doc].Id).ToList();

        Assert.DoesNotContain("pbft", withoutPriors.Keys);
        Assert.Equal(expected, ids.Contains("pbft"));
    }
}
