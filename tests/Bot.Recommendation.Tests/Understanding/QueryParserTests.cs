using Bot.Catalog;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class QueryParserTests
{
    private readonly QueryParser _parser = new(new TopicMatcher(FixtureCatalog.Topics));

    [Theory]
    [InlineData("I'm new to consensus", Level.Beginner)]
    [InlineData("intro to replication", Level.Beginner)]
    [InlineData("ELI5 paxos", Level.Beginner)]
    [InlineData("deep dive into raft", Level.Advanced)]
    [InlineData("PhD level byzantine reading", Level.Advanced)]
    [InlineData("I have years of experience with kafka", Level.Advanced)]
    [InlineData("intermediate storage", Level.Intermediate)]
    public void Reads_the_level_from_level_words(string text, Level expected) =>
        Assert.Equal(expected, _parser.Parse(text).Level);

    [Fact]
    public void No_level_words_means_no_level() => Assert.Null(_parser.Parse("consensus").Level);

    [Theory]
    [InlineData("a book on raft", ResourceKind.Book)]
    [InlineData("papers about storage", ResourceKind.Paper)]
    [InlineData("any good lectures on paxos", ResourceKind.Course)]
    [InlineData("a talk about kafka", ResourceKind.Talk)]
    [InlineData("video on consensus", ResourceKind.Video)]
    [InlineData("blog posts on replication", ResourceKind.Blog)]
    public void Reads_the_kind_from_kind_words(string text, ResourceKind expected) =>
        Assert.Equal(expected, _parser.Parse(text).Kinds[0]);

    [Theory]
    [InlineData("concensus", "consensus")]
    [InlineData("byzantene faults", "byzantine-fault-tolerance")]
    [InlineData("leader election", "consensus")]
    [InlineData("Raft", "consensus")]
    [InlineData("replicaton", "replication")]
    [InlineData("stream processing", "streaming-and-logs")]
    public void Finds_topics_through_aliases_and_misspellings(string text, string topic) =>
        Assert.Contains(topic, _parser.Parse(text).TopicIds);

    [Fact]
    public void Longer_phrases_win_over_their_words()
    {
        var parsed = _parser.Parse("chain replication");
        Assert.Equal(["replication"], parsed.TopicIds);
        Assert.Equal("chain replication", parsed.Topics[0].Phrase);
    }

    [Fact]
    public void Words_that_are_no_topic_are_reported_as_unknown()
    {
        var parsed = _parser.Parse("quantum gravity for beginners");
        Assert.Empty(parsed.TopicIds);
        Assert.Equal(["quantum", "gravity"], parsed.UnknownWords);
    }

    [Fact]
    public void Short_words_are_not_fuzzy_matched()
    {
        // "draft" is one edit from "raft", but aliases shorter than five letters only match exactly.
        Assert.Empty(_parser.Parse("lunch").TopicIds);
        Assert.Empty(_parser.Parse("draft").TopicIds);
    }
}
