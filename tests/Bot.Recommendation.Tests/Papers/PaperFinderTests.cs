using Bot.Recommendation.Papers;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests.Papers;

public sealed class PaperFinderTests
{
    private static readonly RecommendationEngine Engine = FixtureCatalog.Engine;

    private static IReadOnlySet<string> Mentioned(string message) => Engine.Papers.FindMentionedResources(Bot.Featurization.TextAnalyzer.Normalize(message));

    [Theory]
    [InlineData("raft", "raft-paper")]
    [InlineData("the raft paper", "raft-paper")]
    [InlineData("In Search of an Understandable Consensus Algorithm", "raft-paper")]
    [InlineData("understandable consensus", "raft-paper")]
    [InlineData("paxso made simpel", "paxos-simple")]
    [InlineData("pbft", "pbft")]
    [InlineData("pbtf", "pbft")]
    [InlineData("practical byzantine", "pbft")]
    [InlineData("Castro Liskov", "pbft")]
    [InlineData("lamport clocks", "lamport-clocks")]
    [InlineData("time clocks ordering of events", "lamport-clocks")]
    [InlineData("chain replicaton", "chain-replication")]
    [InlineData("consensus bridging theory practise xyz", "raft-dissertation")]
    public void Finds_a_paper_by_title_nickname_author_or_misspelling(string query, string expected) =>
        Assert.Equal(expected, Engine.Papers.Find(query).Best?.Resource.Id);

    [Fact]
    public void Finds_a_paper_by_what_it_did_when_no_name_matches()
    {
        var lookup = Engine.Papers.Find("tolerates malicious replicas with good performance");

        Assert.Equal("pbft", lookup.Best?.Resource.Id);
        Assert.True(lookup.ByDescription);
        Assert.Single(lookup.Matches);
    }

    [Theory]
    [InlineData("banana bread recipe")]
    [InlineData("malicious replicas")]
    public void A_description_needs_enough_words_the_catalog_uses(string query) =>
        Assert.Null(Engine.Papers.Find(query).Best);

    [Fact]
    public void A_lookup_by_name_only_takes_no_description()
    {
        Assert.Null(Engine.Papers.Find("tolerates malicious replicas with good performance", orDescription: false).Best);
        Assert.False(Engine.Papers.Find("raft").ByDescription);
    }

    [Theory]
    [InlineData("castro liskov 1999", "pbft", true)]
    [InlineData("ongaro ousterhout 2014", "raft-paper", true)]
    [InlineData("ongaro 2014", "raft-paper", false)]
    public void An_author_and_a_year_pin_the_paper_most_of_the_named_authors_wrote_that_year(string message, string paper, bool alone)
    {
        var mentions = Engine.Papers.FindMentions(Bot.Featurization.TextAnalyzer.Normalize(message));

        Assert.Equal(paper, mentions.AuthorYearPaper);
        Assert.Equal(alone, mentions.AuthorYearAlone);
    }

    [Fact]
    public void An_ambiguous_query_gives_the_best_match_and_alternatives()
    {
        var lookup = Engine.Papers.Find("lamport");
        Assert.True(lookup.Matches.Count >= 2);
        var ids = lookup.Matches.Select(m => m.Resource.Id).ToList();
        Assert.Contains("paxos-simple", ids);
        Assert.Contains("lamport-clocks", ids);
    }

    [Fact]
    public void Paxos_offers_the_other_paxos_papers_as_alternatives()
    {
        var lookup = Engine.Papers.Find("paxos");
        Assert.Equal("part-time-parliament", lookup.Best?.Resource.Id);
        Assert.Contains(lookup.Matches.Skip(1), m => m.Resource.Id == "paxos-simple");
    }

    [Theory]
    [InlineData("zzzz qqqq")]
    [InlineData("quantum chromodynamics lattice gauge")]
    [InlineData("")]
    [InlineData("   ")]
    public void Nonsense_matches_nothing(string query) => Assert.Null(Engine.Papers.Find(query).Best);

    [Fact]
    public void A_query_that_only_touches_a_title_is_no_match_but_offers_did_you_mean()
    {
        var lookup = Engine.Papers.Find("byzantine kitchen recipes for winter");
        Assert.Null(lookup.Best);
        Assert.Contains(lookup.DidYouMean, r => r.Id == "pbft");
    }

    [Fact]
    public void The_lookup_thresholds_come_from_the_ranking_options()
    {
        // A misspelt title matches at the defaults; demanding an exact name turns it into a "did you mean".
        var strict = new PaperFinder(Engine.Index, new RankingOptions { PaperMatchThreshold = 0.99, PaperNearMissThreshold = 0.2 });
        Assert.Equal("chain-replication", Engine.Papers.Find("chain replicaton").Best?.Resource.Id);
        var lookup = strict.Find("chain replicaton");
        Assert.Null(lookup.Best);
        Assert.Contains(lookup.DidYouMean, r => r.Id == "chain-replication");
        Assert.Equal("raft-paper", strict.Find("raft").Best?.Resource.Id);
    }

    [Fact]
    public void Read_first_lists_prerequisites_and_read_next_lists_next()
    {
        var raft = Engine.Catalog.FindResource("raft-paper")!;
        Assert.Equal("raft-visual", Engine.Papers.ReadFirst(raft)[0].Id);
        Assert.Equal("paxos-simple", Engine.Papers.ReadNext(raft)[0].Id);
    }

    [Fact]
    public void Read_first_falls_back_to_easier_items_on_the_same_topic()
    {
        var parliament = Engine.Catalog.FindResource("part-time-parliament")!;
        var first = Engine.Papers.ReadFirst(parliament);
        Assert.NotEmpty(first);
        Assert.All(first, r => Assert.True(r.Level < parliament.Level));
        Assert.All(first, r => Assert.Contains("consensus", r.Topics));
    }

    [Theory]
    [InlineData("where can I find the raft paper", "raft")]
    [InlineData("link to paxos made simple please", "paxos made simple")]
    [InlineData("nothing here about papers", null)]
    public void Finds_the_paper_a_message_mentions(string message, string? expected) =>
        Assert.Equal(expected, Engine.Papers.FindMentionedPaper(Bot.Featurization.TextAnalyzer.Normalize(message)));

    [Theory]
    [InlineData("lamport 1978", "lamport-clocks")]
    [InlineData("leslie lamport 1998, the greek parliament one", "part-time-parliament")]
    [InlineData("castro and liskov 1999", "pbft")]
    [InlineData("castro's 1999 paper", "pbft")]
    [InlineData("that consensus paper by ongaro and ousterhout", "raft-paper")]
    [InlineData("ongaro's dissertation", "raft-dissertation")]
    public void Finds_a_paper_by_its_authors_and_year(string query, string expected) =>
        Assert.Equal(expected, Engine.Papers.Find(query).Best?.Resource.Id);

    [Theory]
    [InlineData("lamport 1978 changed how I think about time", true, true, "lamport-clocks")]
    [InlineData("lamport 1990 is a year I made up", true, true, null)]
    [InlineData("lamport wrote a lot", true, false, null)]
    [InlineData("we shipped it in 2014", false, true, null)]
    [InlineData("nothing here at all", false, false, null)]
    public void Mentions_say_whether_an_author_a_year_and_their_paper_are_named(string message, bool author, bool year, string? paper)
    {
        var mentions = Engine.Papers.FindMentions(Bot.Featurization.TextAnalyzer.Normalize(message));

        Assert.Equal((author, year, paper), (mentions.NamesAuthor, mentions.NamesYear, mentions.AuthorYearPaper));
    }

    [Theory]
    [InlineData("already worked through ongaro and ousterhout, what next", "raft-paper")]
    [InlineData("castro and liskov, then what?", "pbft")]
    public void Two_coauthors_named_together_name_their_item(string message, string expected) =>
        Assert.Contains(expected, Mentioned(message));

    [Fact]
    public void One_surname_alone_names_no_item_by_its_authors() =>
        Assert.Empty(Mentioned("liskov wrote a lot"));

    [Theory]
    [InlineData("after ongaros dissertation, what next", "raft-dissertation")]
    [InlineData("read ongaro's thesis already", "raft-dissertation")]
    public void An_authors_one_item_of_a_kind_is_named_by_the_possessive(string message, string expected) =>
        Assert.Contains(expected, Mentioned(message));

    [Fact]
    public void A_possessive_that_fits_several_items_names_none_of_them() =>
        Assert.Empty(Mentioned("lamports paper changed my mind"));
}
