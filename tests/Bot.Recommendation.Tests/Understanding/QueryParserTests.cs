using Bot.Catalog;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class QueryParserTests
{
    private readonly QueryParser _parser = new(new TopicMatcher(FixtureCatalog.Topics));

    [Theory]
    [InlineData("intermediate storage", Level.Intermediate)]
    [InlineData("raft for beginners", Level.Beginner)]
    [InlineData("advanced consensus papers", Level.Advanced)]
    [InlineData("begginer paxos", Level.Beginner)]
    [InlineData("advnced storage reading", Level.Advanced)]
    [InlineData("from beginner to advanced on kafka", Level.Advanced)]
    public void Reads_a_level_said_by_its_name(string text, Level expected) =>
        Assert.Equal(expected, _parser.Parse(text).Level);

    [Theory]
    [InlineData("I'm new to consensus")]
    [InlineData("PhD level byzantine reading")]
    [InlineData("paxos, I'm past the basics")]
    [InlineData("not a beginner anymore on kafka")]
    public void Words_about_the_reader_name_no_level_but_are_not_the_subject(string text)
    {
        // Which level they imply is the level model's call (MessageClassifier.ReadLevel).
        var parsed = _parser.Parse(text);
        Assert.Null(parsed.Level);
        Assert.True(parsed.SpeaksOfTheReader);
        Assert.DoesNotContain("new", parsed.SubjectText.Split(' '));
        Assert.DoesNotContain("phd", parsed.SubjectText.Split(' '));
        Assert.DoesNotContain("basics", parsed.SubjectText.Split(' '));
        Assert.DoesNotContain("beginner", parsed.SubjectText.Split(' '));
    }

    [Theory]
    [InlineData("where do I start with distributed systems?")]
    [InlineData("hmu with ur fav distsys papers")]
    [InlineData("whats the best intro book 4 distrbuted systms")]
    [InlineData("distributed")]
    public void Naming_only_the_field_means_its_fundamentals(string text)
    {
        var parsed = _parser.Parse(text);
        Assert.True(parsed.NamesOnlyTheField);
        Assert.Equal<string>(["fundamentals"], parsed.ResolvedTopicIds);
    }

    [Theory]
    [InlineData("raft in distributed systems", "consensus")]
    [InlineData("distributed banana", null)]
    [InlineData("lunch plans", null)]
    public void A_topic_or_an_unknown_word_is_not_the_field(string text, string? topic)
    {
        var parsed = _parser.Parse(text);
        Assert.False(parsed.NamesOnlyTheField);
        string[] expected = topic is null ? [] : [topic];
        Assert.Equal(expected, parsed.ResolvedTopicIds);
    }

    [Theory]
    [InlineData("raft papers, not for beginners")]
    [InlineData("no advanced stuff on storage")]
    public void A_negated_level_name_does_not_count(string text)
    {
        var parsed = _parser.Parse(text);
        Assert.Null(parsed.Level);
        Assert.False(parsed.SpeaksOfTheReader);
    }

    [Fact]
    public void No_level_words_means_no_level()
    {
        var parsed = _parser.Parse("consensus");
        Assert.Null(parsed.Level);
        Assert.False(parsed.SpeaksOfTheReader);
    }

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
