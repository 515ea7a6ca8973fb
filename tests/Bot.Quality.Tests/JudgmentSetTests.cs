using Bot.Catalog;
using Bot.Quality.Harness;
using Bot.Recommendation.Conversation;
using Bot.Testing;

namespace Bot.Quality.Tests;

public sealed class JudgmentSetTests
{
    private static readonly Lazy<ReadingCatalog> Catalog = new(() => CatalogLoader.LoadOrThrow(Repository.DataDirectory));
    private static readonly Lazy<JudgmentSet> Judgments = new(JudgmentFolders.LoadTuned);

    [Fact]
    public void Every_judged_id_topic_and_grade_is_sound()
    {
        var problems = Judgments.Value.Problems(Catalog.Value);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("Holdout")]
    [InlineData("Training")]
    [InlineData("Training2")]
    [InlineData("Training3")]
    [InlineData("Training4")]
    [InlineData("Training5")]
    [InlineData("Training6")]
    [InlineData("Training7")]
    [InlineData("Training8")]
    [InlineData("Training8b")]
    [InlineData("Training9")]
    [InlineData("Training9b")]
    [InlineData("Training10")]
    [InlineData("Training11")]
    [InlineData("Training11b")]
    [InlineData("Training12")]
    [InlineData("Training13")]
    [InlineData("Training14")]
    [InlineData("Training15")]
    [InlineData("Holdout2")]
    [InlineData("Holdout3")]
    [InlineData("Holdout4")]
    [InlineData("Holdout5")]
    [InlineData("Holdout6")]
    [InlineData("Holdout7")]
    [InlineData("Holdout8")]
    public void Every_judged_recommend_set_names_known_items_and_keeps_the_level_rules(string folder)
    {
        var recommend = JudgmentLoader.LoadRecommend(Path.Combine(JudgmentFolders.Tuned, folder));
        var problems = new JudgmentSet(recommend, [], []).Problems(Catalog.Value);

        Assert.NotEmpty(recommend);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Message sets are read by the intent model's own reader; the topics and paper ids of their requests carry no
    // graded answers and were checked when the set was written.
    [Theory]
    [InlineData("Holdout")]
    [InlineData("Training")]
    [InlineData("Training2")]
    [InlineData("Training4")]
    [InlineData("Training5")]
    [InlineData("Training6")]
    [InlineData("Training7")]
    [InlineData("Training9")]
    [InlineData("Training10")]
    [InlineData("Training11")]
    [InlineData("Training12m")]
    [InlineData("Training13m")]
    [InlineData("Training14m")]
    [InlineData("Training15m")]
    [InlineData("Holdout2")]
    [InlineData("Holdout3")]
    [InlineData("Holdout4")]
    [InlineData("Holdout5")]
    [InlineData("Holdout6")]
    [InlineData("Holdout7")]
    [InlineData("Holdout8")]
    public void Every_judged_message_set_reads_and_keeps_a_third_chatter(string folder)
    {
        var messages = LabelledMessageReader.Read(Path.Combine(JudgmentFolders.Tuned, folder, "messages.yaml"));

        Assert.True(messages.Count(m => m.Intent == MessageIntent.None) * 3 >= messages.Count, $"{folder}: less than a third of the messages are chatter.");
        Assert.Contains(messages, m => m.Intent == MessageIntent.Recommend);
        Assert.Contains(messages, m => m.Intent == MessageIntent.Paper);
        Assert.All(messages.Where(m => m.OtherLanguage), m => Assert.Equal(MessageIntent.None, m.Intent));
    }

    [Fact]
    public void Recommend_judgments_cover_every_topic_and_level()
    {
        var recommend = Judgments.Value.Recommend;

        Assert.True(recommend.Count >= 45, $"{recommend.Count} /recommend judgments; at least 45 are needed.");
        // Together with the sets the ranker trains on, every topic is judged (the six newest topics live in Training/).
        var trained = JudgmentLoader.LoadRecommend(JudgmentFolders.Holdout).Concat(JudgmentLoader.LoadRecommend(JudgmentFolders.Training));
        Assert.Empty(Catalog.Value.Topics.Select(t => t.Id).Except(recommend.Concat(trained).SelectMany(j => j.Topics)));
        Assert.Equal(Enum.GetValues<Level>().Order(), recommend.Where(j => j.Level is not null).Select(j => j.Level!.Value).Distinct().Order());
        Assert.True(recommend.Count(j => j.Kind is not null) >= 5, "Too few /recommend judgments ask for a kind.");
    }

    [Fact]
    public void Paper_judgments_cover_each_way_of_asking()
    {
        var papers = Judgments.Value.Papers;

        Assert.True(papers.Count >= 35, $"{papers.Count} /paper judgments; at least 35 are needed.");
        foreach (var how in new[] { "title", "nickname", "author", "misspelling", "none" })
        {
            Assert.Contains(papers, p => p.How == how);
        }
    }

    [Fact]
    public void A_third_of_the_messages_are_chatter_and_every_request_kind_is_present()
    {
        var messages = Judgments.Value.Messages;

        Assert.True(messages.Count >= 36, $"{messages.Count} message judgments; at least 36 are needed.");
        Assert.True(messages.Count(m => m.Expect == ExpectedIntent.None) * 3 >= messages.Count, "Less than a third of the messages are chatter.");
        Assert.Contains(messages, m => m.Expect == ExpectedIntent.Recommend);
        Assert.Contains(messages, m => m.Expect == ExpectedIntent.Paper);
    }

    [Fact]
    public void The_level_rule_is_enforced_on_edits()
    {
        var flp = Catalog.Value.FindResource("flp-impossibility")!;
        var tooGenerous = new JudgmentSet(
            [new RecommendJudgment("/recommend consensus beginner", ["consensus"], Level.Beginner, null, new Grades(new Dictionary<string, int> { [flp.Id] = 3 }))],
            [],
            []);

        var problems = tooGenerous.Problems(Catalog.Value);

        Assert.Contains(problems, p => p.Contains("at most acceptable", StringComparison.Ordinal));
    }
}
