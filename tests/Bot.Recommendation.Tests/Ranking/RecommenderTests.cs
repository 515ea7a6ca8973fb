using Bot.Catalog;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class RecommenderTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;

    private static IReadOnlyList<RankedResource> Recommend(string topic, Level? level = null, ResourceKind[]? kinds = null, int count = 5, int offset = 0, string? subject = null, bool kindsRequired = true) =>
        Engine.Recommender.Recommend(new RecommendationQuery
        {
            TopicIds = [topic],
            Level = level,
            Kinds = kinds ?? [],
            KindsRequired = kindsRequired,
            SubjectText = subject ?? topic,
            Count = count,
            Offset = offset,
        }).Items;

    [Fact]
    public void A_beginner_gets_beginner_material_first()
    {
        var items = Recommend("consensus", Level.Beginner);
        Assert.Equal(Level.Beginner, items[0].Resource.Level);
        Assert.Equal(Level.Beginner, items[1].Resource.Level);
    }

    [Fact]
    public void A_beginner_never_gets_a_research_original_ahead_of_a_readable_introduction()
    {
        var items = Recommend("consensus", Level.Beginner, count: 8);
        var lastBeginner = items.Select((r, i) => (r, i)).Last(p => p.r.Resource.Level == Level.Beginner).i;
        var firstAdvanced = items.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Resource.Level == Level.Advanced, (null!, int.MaxValue)).Item2;
        Assert.True(firstAdvanced > lastBeginner, "an advanced item ranked above a beginner one");
    }

    [Fact]
    public void An_advanced_reader_never_gets_a_beginner_primer_ahead_of_material_at_their_level()
    {
        var items = Recommend("consensus", Level.Advanced, count: 8);
        var lastSuiting = items.Select((r, i) => (r, i)).Last(p => p.r.Resource.MaxLevel >= Level.Advanced).i;
        var firstPrimer = items.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Resource.MaxLevel == Level.Beginner, (null!, int.MaxValue)).Item2;
        Assert.Contains(items, r => r.Resource.MaxLevel == Level.Beginner);
        Assert.True(firstPrimer > lastSuiting, "a beginner-only item ranked above one that suits an advanced reader");
    }

    [Fact]
    public void Every_item_is_on_the_topic_asked_for_when_enough_exist()
    {
        var items = Recommend("replication", Level.Intermediate, count: 4);
        Assert.All(items, r => Assert.Contains("replication", r.Resource.Topics));
    }

    [Fact]
    public void A_kind_chosen_as_an_option_filters_the_list()
    {
        var items = Recommend("consensus", kinds: [ResourceKind.Paper]);
        Assert.NotEmpty(items);
        Assert.All(items, r => Assert.Equal(ResourceKind.Paper, r.Resource.Kind));
    }

    [Fact]
    public void A_kind_read_from_the_words_is_a_preference_that_never_empties_the_list()
    {
        // The fixture holds no course on consensus: as an option only courses may come, read from words the rest may.
        Assert.All(Recommend("consensus", kinds: [ResourceKind.Course]), r => Assert.Equal(ResourceKind.Course, r.Resource.Kind));
        var preferred = Recommend("consensus", kinds: [ResourceKind.Course], kindsRequired: false);
        Assert.Contains(preferred, r => r.Resource.Kind != ResourceKind.Course && r.Resource.Topics.Contains("consensus"));
    }

    [Fact]
    public void A_server_can_keep_a_place_on_each_page_for_another_kind()
    {
        // The fixture has five consensus papers, enough to fill the page on their own.
        var mixed = FixtureCatalog.EngineWith(new RankingOptions { MaxPerKindPerPage = 4 });
        var items = mixed.Recommender.Recommend(new RecommendationQuery { TopicIds = ["consensus"], Level = Level.Advanced, SubjectText = "consensus" }).Items;
        Assert.Equal(5, items.Count);
        Assert.True(items.Count(r => r.Resource.Kind == ResourceKind.Paper) <= 4);
    }

    [Fact]
    public void A_penalty_per_repeated_kind_brings_other_kinds_up()
    {
        var query = new RecommendationQuery { TopicIds = ["consensus"], Level = Level.Advanced, SubjectText = "consensus" };
        var plain = FixtureCatalog.Engine.Recommender.Recommend(query).Items;
        var mixed = FixtureCatalog.EngineWith(new RankingOptions { SameKindPenalty = 1.0 }).Recommender.Recommend(query).Items;
        Assert.True(
            mixed.Select(r => r.Resource.Kind).Distinct().Count() > plain.Select(r => r.Resource.Kind).Distinct().Count(),
            "a large same-kind penalty should put more kinds on the page");
    }

    [Fact]
    public void A_nickname_in_the_request_brings_its_resource_up()
    {
        var items = Recommend("consensus", Level.Intermediate, subject: "raft");
        Assert.Equal("raft-paper", items[0].Resource.Id);
    }

    [Fact]
    public void Pages_do_not_repeat_items()
    {
        var first = Recommend("consensus", count: 3).Select(r => r.Resource.Id);
        var second = Recommend("consensus", count: 3, offset: 3).Select(r => r.Resource.Id);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Reasons_on_a_page_do_not_all_open_alike()
    {
        var openings = Recommend("consensus", Level.Beginner).Select(item => item.Reason.Split(';')[0]).ToList();
        Assert.True(openings.Distinct(StringComparer.OrdinalIgnoreCase).Count() >= openings.Count - 1, string.Join(" | ", openings));
    }

    [Fact]
    public void No_two_items_on_a_page_share_a_reason()
    {
        foreach (var (topic, level) in new (string, Level?)[] { ("consensus", Level.Beginner), ("consensus", null), ("replication", Level.Advanced) })
        {
            var reasons = Recommend(topic, level, count: 8).Select(r => r.Reason).ToList();
            Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void A_readable_classic_stays_eligible_one_level_up()
    {
        var items = Recommend("consensus", Level.Intermediate, count: 8);
        Assert.Contains(items, r => r.Resource.Level == Level.Beginner);
    }

    [Fact]
    public void Explaining_a_page_gives_contributions_that_add_up_to_each_model_score()
    {
        var query = new RecommendationQuery { TopicIds = ["consensus"], Level = Level.Beginner, SubjectText = "consensus" };
        var explained = Engine.Recommender.Explain(query);
        Assert.NotEmpty(explained);
        foreach (var item in explained)
        {
            Assert.Equal(Engine.Recommender.Model.Score(item.Features.ToArray()), item.Baseline + item.Contributions.Sum(), 6);
        }
    }

    [Fact]
    public void Scores_never_increase_down_the_list()
    {
        var scores = Recommend("consensus", Level.Intermediate, count: 8).Select(r => r.Score).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }
}
