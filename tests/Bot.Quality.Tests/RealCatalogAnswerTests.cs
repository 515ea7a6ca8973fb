using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>
/// Answers of the repository's real catalog to inputs people type: these move when the catalog is curated, so they
/// live in the quality suite, not among the application layer's unit tests.
/// </summary>
public sealed class RealCatalogAnswerTests
{
    private static readonly ReadingAssistant Assistant =
        new(new RecommendationEngine(CatalogLoader.LoadOrThrow(Repository.DataDirectory)));

    [Fact]
    public void A_misspelt_two_word_alias_is_a_topic_not_a_bad_level()
    {
        var reply = Assistant.Handle("/recommend consistency hashing");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Contains("sharding-and-partitioning", reply.Topics);
    }

    [Theory]
    [InlineData("/paper byzantene generals", "byzantine-generals")]
    [InlineData("/paper flp", "flp-impossibility")]
    [InlineData("/paper lamport clocks", "lamport-clocks")]
    [InlineData("/paper dynamo", "dynamo")]
    [InlineData("/paper gfs", "gfs")]
    [InlineData("/paper pbft", "pbft")]
    [InlineData("/paper query:paxos made simple", "paxos-made-simple")]
    public void Papers_are_found_by_nickname_title_and_misspelling(string input, string id) =>
        Assert.Equal(id, Assistant.Handle(input).Items.FirstOrDefault()?.Id);

    [Fact]
    public void A_request_naming_a_commonly_confused_pair_gets_the_note_on_it()
    {
        var reply = Assistant.Handle("/recommend linearizability vs serializability");
        var note = Assert.Single(reply.Sections);
        Assert.Contains("linearizability", note.Title, StringComparison.Ordinal);
        Assert.Contains("transactions", note.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("any good reads on raft?", "consensus")]
    [InlineData("recs for consensus papers?", "consensus")]
    [InlineData("need reading on search infra, we're moving off elasticsearch", "search")]
    [InlineData("whats good for learning erlang/otp style fault tolerance?", "programming-models")]
    [InlineData("I'd love a beginner-friendly book about databases", "databases")]
    public void Everyday_phrasings_of_a_request_are_answered(string message, string topic)
    {
        var reply = Assistant.HandleMessage(message);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Contains(topic, reply.Topics);
        Assert.NotEmpty(reply.Items);
    }

    [Theory]
    [InlineData("what should I read after ddia?", "designing-data-intensive-applications")]
    [InlineData("I already read the raft paper, what next on consensus?", "raft-paper")]
    public void What_the_reader_has_read_is_not_recommended_again(string message, string readId)
    {
        var reply = Assistant.HandleMessage(message);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.NotEmpty(reply.Items);
        Assert.DoesNotContain(reply.Items, item => item.Id == readId);
    }

    [Theory]
    [InlineData("Where should a newbie start with distributed databases?", "databases")]
    [InlineData("What do people read to understand consensus?", "consensus")]
    [InlineData("How would you learn stream processing from scratch?", "streaming-and-logs")]
    [InlineData("explain linearizability like I'm five", "consistency-models")]
    [InlineData("Can anyone share good resources on CAP?", "consistency-models")]
    public void More_ways_of_asking_are_understood(string message, string topic)
    {
        var reply = Assistant.HandleMessage(message);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Contains(topic, reply.Topics);
    }

    [Theory]
    [InlineData("looking for papers on byzantine consensus, i already know pbft pretty well", Level.Advanced)]
    [InlineData("can anyone suggest a course on distributed systems thats not too mathy?", Level.Beginner)]
    [InlineData("recs for learning kafka? i know the basics already", Level.Intermediate)]
    public void The_level_is_read_from_how_people_describe_themselves(string message, Level level) =>
        Assert.Equal(level, Assistant.HandleMessage(message).Level);

    [Theory]
    [InlineData("/recommend cache invalidation thundering herd", "caching")]
    [InlineData("/recommend remote procedure calls kind:paper", "networking")]
    [InlineData("/recommend service mesh", "microservices-and-architecture")]
    public void Multi_word_and_plural_topics_are_understood(string input, string topic)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Contains(topic, reply.Topics);
    }

    [Fact]
    public void Paper_suggestions_follow_what_is_typed()
    {
        Assert.Contains(Assistant.SuggestPapers("ra"), s => s.Name.Contains("Understandable Consensus", StringComparison.Ordinal));
        Assert.Contains(Assistant.SuggestPapers("dyn"), s => s.Value == "dynamo");
        Assert.Contains(Assistant.SuggestPapers("lamport cl"), s => s.Name.StartsWith("Time, Clocks", StringComparison.Ordinal));
        var suggestions = Assistant.SuggestPapers("raf");
        Assert.InRange(suggestions.Count, 0, 25);
        Assert.All(suggestions, s => Assert.InRange(s.Value.Length, 1, 100));
        Assert.Contains(Assistant.SuggestPapers("raft"), s => s.Name.Contains("Understandable Consensus", StringComparison.Ordinal));
    }
}
