using Bot.Catalog;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class JudgedPriorsTests
{
    private static readonly JudgedPriors Priors = JudgedPriors.From(
    [
        new JudgedExample(["consensus"], Level.Beginner, new Dictionary<string, int> { ["raft"] = 3, ["paxos"] = 1 }),
        new JudgedExample(["consensus"], null, new Dictionary<string, int> { ["raft"] = 3, ["paxos"] = 3 }),
        new JudgedExample(["consensus", "replication"], Level.Advanced, new Dictionary<string, int> { ["paxos"] = 3, ["chain"] = 2 }),
        new JudgedExample(["storage"], null, new Dictionary<string, int> { ["lsm"] = 3 }, "log structured merge trees"),
    ]);

    [Fact]
    public void An_item_gets_its_mean_grade_over_the_requests_on_the_asked_topic_and_how_often_it_was_ideal()
    {
        var raft = Fill(Priors, "raft", ["consensus"], level: null, smoothing: 0);
        var paxos = Fill(Priors, "paxos", ["consensus"], level: null, smoothing: 0);

        // Three requests on consensus: raft 3 + 3 + 0, paxos 1 + 3 + 3.
        Assert.Equal(2f, raft[RankingFeatures.JudgedTopicGrade], 5);
        Assert.Equal(7f / 3, paxos[RankingFeatures.JudgedTopicGrade], 5);
        Assert.Equal(2f / 3, raft[RankingFeatures.JudgedIdealShare], 5);
        Assert.Equal(6f / 4, raft[RankingFeatures.JudgedOverallGrade], 5);
    }

    [Fact]
    public void The_asked_level_picks_the_requests_at_that_level_and_a_thin_bucket_leans_on_the_topic()
    {
        var beginnerRaft = Fill(Priors, "raft", ["consensus"], Level.Beginner, smoothing: 0);
        var advancedRaft = Fill(Priors, "raft", ["consensus"], Level.Advanced, smoothing: 0);
        var intermediateRaft = Fill(Priors, "raft", ["consensus"], Level.Intermediate, smoothing: 2);

        Assert.Equal(3f, beginnerRaft[RankingFeatures.JudgedTopicLevelGrade], 5);
        Assert.Equal(0f, advancedRaft[RankingFeatures.JudgedTopicLevelGrade], 5);

        // No judged request on consensus at intermediate: the smoothing's pseudo-requests carry the topic's grade.
        var topicGrade = intermediateRaft[RankingFeatures.JudgedTopicGrade];
        Assert.True(topicGrade > 0);
        Assert.Equal(topicGrade, intermediateRaft[RankingFeatures.JudgedTopicLevelGrade], 5);
    }

    [Fact]
    public void Smoothing_keeps_one_grade_in_a_small_bucket_from_reading_as_the_canon()
    {
        var rough = Fill(Priors, "lsm", ["storage"], level: null, smoothing: 0);
        var smoothed = Fill(Priors, "lsm", ["storage"], level: null, smoothing: 2);

        Assert.Equal(3f, rough[RankingFeatures.JudgedTopicGrade], 5);
        Assert.Equal(1f, smoothed[RankingFeatures.JudgedTopicGrade], 5);
    }

    [Fact]
    public void Several_asked_topics_take_the_best_and_no_topic_leaves_the_topic_priors_at_zero()
    {
        var both = Fill(Priors, "chain", ["storage", "replication"], level: null, smoothing: 0);
        var none = Fill(Priors, "paxos", [], Level.Advanced, smoothing: 0);

        Assert.Equal(2f, both[RankingFeatures.JudgedTopicGrade], 5);
        Assert.Equal(0f, none[RankingFeatures.JudgedTopicGrade]);
        Assert.Equal(0f, none[RankingFeatures.JudgedIdealShare]);

        // Only one judged request at advanced, and paxos was ideal there.
        Assert.Equal(3f, none[RankingFeatures.JudgedTopicLevelGrade], 5);
    }

    [Fact]
    public void No_judgments_give_zeros()
    {
        var features = Fill(JudgedPriors.Empty, "raft", ["consensus"], Level.Beginner, smoothing: 2);

        Assert.All(RankingFeatures.IndicesOf(FeatureFamily.Judged), index => Assert.Equal(0f, features[index]));
    }

    [Fact]
    public void The_saved_text_reads_back_to_the_same_priors()
    {
        var text = Priors.ToText();
        var read = JudgedPriors.Parse(new StringReader(text), "test");

        Assert.Equal(text, read.ToText());
        Assert.Equal(4, read.RequestCount);
        Assert.Equal("log structured merge trees", read.Examples[3].Text);
        Assert.Equal(Level.Advanced, read.Examples[2].Level);
        Assert.Equal(["consensus", "replication"], read.Examples[2].Topics);
        Assert.Equal(Fill(Priors, "paxos", ["consensus"], Level.Advanced, 2), Fill(read, "paxos", ["consensus"], Level.Advanced, 2));
    }

    [Fact]
    public void A_damaged_file_fails_naming_the_line_and_how_to_rebuild()
    {
        var error = Assert.Throws<InvalidDataException>(() => JudgedPriors.Parse(new StringReader("# header\nrequests\tconsensus\t-\tmany\n"), "judged-priors.tsv"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot model train", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request\tbeginner\tconsensus\traft:4\traft please")]
    [InlineData("request\tbeginner\tconsensus\traft:3 raft:2\traft please")]
    [InlineData("request\texpert\tconsensus\traft:3\traft please")]
    [InlineData("request\tbeginner\tconsensus\traft")]
    public void A_judged_request_line_with_a_bad_grade_level_or_cell_count_fails_naming_the_line(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => JudgedPriors.Parse(new StringReader("# header\n" + line + "\n"), "judged-priors.tsv"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_model_carries_priors_counted_from_the_judgments()
    {
        Assert.True(RankerModel.Bundled.Priors.RequestCount > 100);
    }

    private static float[] Fill(JudgedPriors priors, string id, IReadOnlyList<string> topics, Level? level, double smoothing)
    {
        var features = new float[RankingFeatures.Count];
        priors.For(topics, level, smoothing).Fill(id, features);
        return features;
    }
}
