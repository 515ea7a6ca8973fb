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
    [InlineData("explain vector clocks like I'm 12", Level.Beginner)]
    [InlineData("bully and ring election, undergrad level", Level.Beginner)]
    [InlineData("compaction and write amplification, go deep", Level.Advanced)]
    [InlineData("I have years of experience with kafka", Level.Advanced)]
    [InlineData("intermediate storage", Level.Intermediate)]
    [InlineData("raft explained simply?", Level.Beginner)]
    [InlineData("explain paxos like I'm five", Level.Beginner)]
    [InlineData("@bot yo, raft for noobs?", Level.Beginner)]
    [InlineData("need a crash course on kafka", Level.Beginner)]
    [InlineData("paxos, I'm past the basics", Level.Intermediate)]
    [InlineData("not a beginner anymore on kafka", Level.Intermediate)]
    [InlineData("not new to storage, what next", Level.Intermediate)]
    [InlineData("I know the ACID basics, what about replication", Level.Intermediate)]
    [InlineData("deeper reading on raft", Level.Advanced)]
    [InlineData("the hardest consensus papers you have", Level.Advanced)]
    public void Reads_the_level_from_level_words(string text, Level expected) =>
        Assert.Equal(expected, _parser.Parse(text).Level);

    [Fact]
    public void The_longest_level_phrase_wins()
    {
        // "from scratch" describes the database here; "I know the basics already" describes the reader.
        var parsed = _parser.Parse("storage for building a database from scratch? I know the basics already");
        Assert.Equal(Level.Intermediate, parsed.Level);
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
    [InlineData("mid-level stuff on kafka, not the getting started guide", Level.Intermediate)]
    [InlineData("raft papers, not for beginners", null)]
    [InlineData("i already know pbft pretty well", Level.Advanced)]
    public void A_negated_level_phrase_does_not_count_and_a_later_one_qualifies(string text, Level? expected) =>
        Assert.Equal(expected, _parser.Parse(text).Level);

    [Theory]
    [InlineData("basic paxos vs multi paxos")]
    [InlineData("any medium posts on raft")]
    [InlineData("a raft writeup on medium please")]
    [InlineData("simple question: what should i read on gossip")]
    public void A_level_word_in_another_sense_names_no_level(string text) => Assert.Null(_parser.Parse(text).Level);

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
    [InlineData("software engineer here, what should i read about consensus")]
    [InlineData("of course i read ddia, what next on replication")]
    [InlineData("electing a leader when processes only talk to their neighbours")]
    [InlineData("a class of algorithms for mutual exclusion")]
    [InlineData("a list of things to know about raft")]
    [InlineData("what to watch out for in kafka")]
    [InlineData("can someone post the link to that raft thing")]
    [InlineData("asked on the raft mailing list, nobody answered")]
    [InlineData("quick video call about the kafka outage?")]
    [InlineData("caching photos and video at the edge for a huge social site")]
    [InlineData("how does video streaming scale to millions of viewers")]
    [InlineData("whats a phantom read? my db course skipped it")]
    [InlineData("presenting our paper on raft next week")]
    [InlineData("read the raft paper, what next on consensus")]
    [InlineData("finished the amazon formal methods paper. where do i go from here")]
    [InlineData("already read the SRE book, what next on outages")]
    public void A_kind_word_in_another_sense_asks_for_no_kind(string text) =>
        Assert.Empty(_parser.Parse(text).Kinds);

    [Theory]
    [InlineData("what is sharding? not a research paper please", ResourceKind.Paper)]
    [InlineData("consensus, no academic papers", ResourceKind.Paper)]
    [InlineData("something on raft that isnt a book", ResourceKind.Book)]
    [InlineData("i dont want a long book on kafka", ResourceKind.Book)]
    public void A_negated_kind_is_ruled_out_not_asked(string text, ResourceKind ruledOut)
    {
        var parsed = _parser.Parse(text);

        Assert.Equal([ruledOut], parsed.ExcludedKinds);
        Assert.DoesNotContain(ruledOut, parsed.Kinds);
    }

    [Theory]
    [InlineData("any software for chaos testing", ResourceKind.Tool)]
    [InlineData("a talk on raft for my team", ResourceKind.Talk)]
    [InlineData("a good course on distributed systems", ResourceKind.Course)]
    [InlineData("a reading list of consensus papers", ResourceKind.List)]
    [InlineData("no idea which book to start with for raft", ResourceKind.Book)]
    [InlineData("papers and videos on raft", ResourceKind.Paper)]
    [InlineData("a video and a paper on raft", ResourceKind.Video)]
    [InlineData("what should be my first book on raft", ResourceKind.Book)]
    [InlineData("read the raft paper, now the best book on paxos?", ResourceKind.Book)]
    [InlineData("read the dapper paper, want one solid book on tracing next", ResourceKind.Book)]
    [InlineData("the raft paper please", ResourceKind.Paper)]
    public void A_kind_word_that_names_a_kind_still_asks_for_it(string text, ResourceKind expected) =>
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
