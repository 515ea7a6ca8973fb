using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class ReasonWriterTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;

    private static double[] Raised(params int[] features)
    {
        var contributions = new double[RankingFeatures.Count];
        foreach (var feature in features)
        {
            contributions[feature] = 1;
        }

        return contributions;
    }

    [Theory]
    [InlineData("SOSP", "Intermediate paper (SOSP 2007)")]
    [InlineData("FAST 2007", "Intermediate paper (FAST 2007)")]
    [InlineData(null, "Intermediate paper (2007)")]
    public void A_paper_is_described_with_its_venue_and_year_once(string? venue, string expected)
    {
        var paper = FixtureCatalog.Make("p", "A Paper", Catalog.ResourceKind.Paper, Catalog.Level.Intermediate, ["storage"], "About storage.", year: 2007) with { Venue = venue };

        Assert.Equal(expected, ReasonWriter.Describe(paper));
    }

    [Fact]
    public void A_reason_says_what_raised_the_item_in_the_model()
    {
        var writer = new ReasonWriter(Engine.Index);
        var paxos = Engine.Catalog.FindResource("paxos-simple")!;
        var query = new RecommendationQuery { TopicIds = ["consensus"], Level = Catalog.Level.Intermediate, SubjectText = "consensus" };

        var bySources = writer.WriteDistinct([(paxos, Raised(RankingFeatures.SourceWeight))], query)[0];
        var byName = writer.WriteDistinct([(paxos, Raised(RankingFeatures.NamedByTitle))], query with { SubjectText = "paxos made simple" })[0];

        Assert.Contains("recommended by 3 lists", bySources, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the one you named", byName, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("the one you named", bySources, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Meaning_is_given_as_the_reason_only_when_the_reader_described_the_subject_in_words_of_their_own()
    {
        var writer = new ReasonWriter(Engine.Index);
        var paxos = Engine.Catalog.FindResource("paxos-simple")!;
        var described = new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "getting machines to agree despite crashes" };

        var byMeaning = writer.WriteDistinct([(paxos, Raised(RankingFeatures.MeaningSimilarity))], described)[0];
        var onTheTopic = writer.WriteDistinct([(paxos, Raised(RankingFeatures.MeaningSimilarity))], described with { SubjectText = "consensus" })[0];

        Assert.Contains("about what you describe", byMeaning, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("about what you describe", onTheTopic, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_item_the_request_does_not_name_is_never_the_one_you_named()
    {
        // The model can credit the name features for an item not named (a split on "not named" scores it up).
        var paxos = Engine.Catalog.FindResource("paxos-simple")!;
        var query = new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus" };

        var reason = new ReasonWriter(Engine.Index).WriteDistinct([(paxos, Raised(RankingFeatures.NamedByTitle))], query)[0];

        Assert.DoesNotContain("the one you named", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_two_reasons_on_a_page_open_alike_while_another_phrase_is_left()
    {
        var items = new[] { "paxos-simple", "raft-paper", "part-time-parliament" }.Select(id => (Engine.Catalog.FindResource(id)!, Raised(RankingFeatures.PrimaryTopicAsked))).ToList();
        var query = new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus" };

        var openings = new ReasonWriter(Engine.Index).WriteDistinct(items, query).Select(r => r.Split(';')[0]).ToList();

        Assert.Equal(openings.Count, openings.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Two_look_alike_items_raised_by_the_same_signals_still_get_different_reasons()
    {
        var first = FixtureCatalog.Make("book-one", "Agreement Basics", Catalog.ResourceKind.Book, Catalog.Level.Beginner, ["consensus"], "A gentle book on agreement.", authors: ["Ann One"], year: null);
        var second = FixtureCatalog.Make("book-two", "Agreement Made Easy", Catalog.ResourceKind.Book, Catalog.Level.Beginner, ["consensus"], "A gentle book on agreement.", authors: ["Bo Two"], year: null);
        var index = new CatalogIndex(new Catalog.ReadingCatalog([first, second], FixtureCatalog.Topics, FixtureCatalog.Sources, []));
        var query = new RecommendationQuery { TopicIds = ["consensus"], Level = Catalog.Level.Beginner, SubjectText = "consensus" };

        var reasons = new ReasonWriter(index).WriteDistinct([(first, Raised(RankingFeatures.LevelCovers)), (second, Raised(RankingFeatures.LevelCovers))], query);

        Assert.NotEqual(reasons[0], reasons[1], StringComparer.OrdinalIgnoreCase);
        Assert.All(reasons, r => Assert.Contains("readable at your level", r, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void What_teachers_hand_out_for_like_asks_comes_after_what_sets_the_item_apart()
    {
        var writer = new ReasonWriter(Engine.Index);
        var paxos = Engine.Catalog.FindResource("paxos-simple")!;
        var query = new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "agreement when nodes crash" };
        var contributions = Raised(RankingFeatures.SourceWeight);
        contributions[RankingFeatures.NeighbourGrade] = 5;

        var reason = writer.WriteDistinct([(paxos, contributions)], query)[0];

        Assert.Contains("what teachers hand out for asks like yours", reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(
            reason.IndexOf("recommended by", StringComparison.OrdinalIgnoreCase) < reason.IndexOf("asks like yours", StringComparison.OrdinalIgnoreCase),
            reason);
    }
}
