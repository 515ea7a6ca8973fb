using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class JudgedNeighboursTests
{
    private static readonly NgramCounter Counter = NgramCounter.FitCount(
    [
        [
            "keep the search index and cache in sync with the database without dual writes",
            "raft leader election explained",
            "gossip protocols and failure detectors",
            "log structured storage engines",
        ],
    ]).Counter;

    private static readonly JudgedExample[] Examples =
    [
        new(["streaming-and-logs"], null, Grades(("the-log", 3), ("cdc", 2)), "search index cache sync database dual writes"),
        new(["consensus"], Level.Beginner, Grades(("raft", 3), ("paxos", 1)), "raft leader election"),
        new(["consensus"], Level.Advanced, Grades(("paxos", 3), ("raft", 1)), "raft leader election"),
        new(["failure-detection-and-gossip"], null, Grades(("swim", 3)), "gossip failure detectors"),
    ];

    private static readonly JudgedNeighbours Neighbours = JudgedNeighbours.Build(Counter, Examples);

    [Fact]
    public void A_request_worded_like_a_judged_one_gets_what_the_judges_gave_it()
    {
        var request = Counter.Count("how do we avoid dual writes between the database and the search index");

        var theLog = Fill(Neighbours, request, level: null, "the-log");
        var raft = Fill(Neighbours, request, level: null, "raft");

        Assert.True(theLog[RankingFeatures.NeighbourGrade] > 1.5f, $"the-log: {theLog[RankingFeatures.NeighbourGrade]}");
        Assert.True(theLog[RankingFeatures.NeighbourIdealShare] > 0.5f);
        Assert.Equal(0f, raft[RankingFeatures.NeighbourGrade]);
        Assert.True(theLog[RankingFeatures.NeighbourNearestSimilarity] > 0f);
        Assert.Equal(theLog[RankingFeatures.NeighbourNearestSimilarity], raft[RankingFeatures.NeighbourNearestSimilarity]);
    }

    [Fact]
    public void The_best_items_are_those_the_nearest_judged_asks_graded_highest()
    {
        var neighbours = Neighbours.For(Counter.Count("how do we avoid dual writes between the database and the search index"), level: null, count: 4, similarityPower: 2);

        Assert.Equal(["the-log", "cdc"], neighbours.Best(2));
        Assert.Single(neighbours.Best(1));
        Assert.Empty(JudgedNeighbours.Empty.For(Counter.Count("raft"), null, 4, 2).Best(5));
    }

    [Fact]
    public void A_higher_similarity_power_lets_the_closest_wording_outvote_the_rest()
    {
        // Three words of the raft requests, one of the gossip request's: the raft requests are the nearer.
        var request = Counter.Count("raft leader election for gossip");

        var raftEven = Fill(Neighbours, request, level: null, "raft", power: 1);
        var raftSharp = Fill(Neighbours, request, level: null, "raft", power: 4);
        var swimEven = Fill(Neighbours, request, level: null, "swim", power: 1);
        var swimSharp = Fill(Neighbours, request, level: null, "swim", power: 4);

        Assert.True(swimEven[RankingFeatures.NeighbourGrade] > 0f);
        Assert.True(raftSharp[RankingFeatures.NeighbourGrade] > raftEven[RankingFeatures.NeighbourGrade], $"raft {raftSharp[RankingFeatures.NeighbourGrade]} vs {raftEven[RankingFeatures.NeighbourGrade]}");
        Assert.True(swimSharp[RankingFeatures.NeighbourGrade] < swimEven[RankingFeatures.NeighbourGrade], $"swim {swimSharp[RankingFeatures.NeighbourGrade]} vs {swimEven[RankingFeatures.NeighbourGrade]}");
        Assert.Equal(raftEven[RankingFeatures.NeighbourNearestSimilarity], raftSharp[RankingFeatures.NeighbourNearestSimilarity]);
    }

    [Fact]
    public void The_level_grade_counts_only_the_neighbours_asked_at_the_same_level()
    {
        var request = Counter.Count("raft leader election");

        var paxosForAdvanced = Fill(Neighbours, request, Level.Advanced, "paxos");
        var paxosForBeginner = Fill(Neighbours, request, Level.Beginner, "paxos");

        Assert.Equal(3f, paxosForAdvanced[RankingFeatures.NeighbourLevelGrade], 4);
        Assert.Equal(1f, paxosForBeginner[RankingFeatures.NeighbourLevelGrade], 4);
        Assert.Equal(paxosForAdvanced[RankingFeatures.NeighbourGrade], paxosForBeginner[RankingFeatures.NeighbourGrade]);
    }

    [Fact]
    public void With_no_neighbour_at_the_asked_level_the_level_grade_is_the_overall_one()
    {
        var swim = Fill(Neighbours, Counter.Count("gossip failure detectors"), Level.Intermediate, "swim");

        Assert.True(swim[RankingFeatures.NeighbourGrade] > 0f);
        Assert.Equal(swim[RankingFeatures.NeighbourGrade], swim[RankingFeatures.NeighbourLevelGrade]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zzz qqq")]
    public void A_request_sharing_no_words_with_any_judged_one_gets_zeros(string text)
    {
        var features = Fill(Neighbours, Counter.Count(text), level: null, "the-log");

        Assert.All(RankingFeatures.IndicesOf(FeatureFamily.Neighbours), index => Assert.Equal(0f, features[index]));
    }

    [Fact]
    public void No_judged_requests_give_zeros()
    {
        var features = Fill(JudgedNeighbours.Build(Counter, []), Counter.Count("raft leader election"), level: null, "raft");

        Assert.All(RankingFeatures.IndicesOf(FeatureFamily.Neighbours), index => Assert.Equal(0f, features[index]));
    }

    [Fact]
    public void Only_the_nearest_requests_up_to_the_count_are_averaged()
    {
        var request = Counter.Count("raft leader election and gossip failure detectors");

        var one = Fill(Neighbours, request, level: null, "swim", count: 1);
        var all = Fill(Neighbours, request, level: null, "swim", count: 4);

        Assert.NotEqual(one[RankingFeatures.NeighbourGrade], all[RankingFeatures.NeighbourGrade]);
    }

    [Fact]
    public void A_request_meaning_what_a_judged_one_meant_gets_what_the_judges_gave_it_in_other_words()
    {
        // Word vectors that learned "alive" and "pool" from a text about membership, a subject the judged gossip ask is on.
        var vectors = WordVectors.Build(
        [
            ("which workers in the pool are still alive", [1f, 0f, 0f]),
            ("gossip failure detectors membership", [1f, 0.1f, 0f]),
            ("raft leader election agreement", [0f, 1f, 0f]),
            ("search index cache dual writes", [0f, 0f, 1f]),
        ]);
        var catalog = FixtureCatalog.Create();
        var meaning = new CatalogIndex(catalog, wordVectors: vectors).Meaning!;
        var neighbours = JudgedNeighbours.Build(Counter, Examples, meaning);
        var request = meaning.Place("pool alive");

        var swim = new float[RankingFeatures.Count];
        var raft = new float[RankingFeatures.Count];
        var found = neighbours.ForMeaning(request, level: null, count: 1, similarityPower: 2);
        found.Fill("swim", swim, NeighbourSlots.Meaning);
        found.Fill("raft", raft, NeighbourSlots.Meaning);

        Assert.Equal(3f, swim[RankingFeatures.MeaningNeighbourGrade], 4);
        Assert.Equal(1f, swim[RankingFeatures.MeaningNeighbourIdealShare], 4);
        Assert.True(swim[RankingFeatures.MeaningNeighbourNearest] > 0.9f);
        Assert.Equal(0f, raft[RankingFeatures.MeaningNeighbourGrade]);
        Assert.All(RankingFeatures.IndicesOf(FeatureFamily.Neighbours), index => Assert.Equal(0f, swim[index]));
        Assert.Empty(neighbours.For(Counter.Count("pool alive"), null, 4, 2).Best(5));
    }

    [Fact]
    public void Without_word_vectors_or_a_placed_request_there_are_no_neighbours_by_meaning()
    {
        var request = new float[3];
        request[0] = 1f;

        Assert.Empty(Neighbours.ForMeaning(request, null, 4, 2).Best(5));
        Assert.Empty(JudgedNeighbours.Build(Counter, Examples, FixtureCatalog.Engine.Index.Meaning).ForMeaning(new float[FixtureCatalog.Engine.Index.Meaning!.Dimensions], null, 4, 2).Best(5));
    }

    private static float[] Fill(JudgedNeighbours neighbours, NgramCounts request, Level? level, string id, int count = 20, double power = 1)
    {
        var features = new float[RankingFeatures.Count];
        neighbours.For(request, level, count, power).Fill(id, features, NeighbourSlots.Words);
        return features;
    }

    private static Dictionary<string, int> Grades(params (string Id, int Grade)[] grades) => grades.ToDictionary(g => g.Id, g => g.Grade);
}
