using Bot.Catalog;
using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Tests.Conversation;

public sealed class MessageClassifierTests
{
    private static readonly MessageClassifier Classifier = FixtureCatalog.Engine.Classifier;

    [Theory]
    [InlineData("anyone up for lunch?")]
    [InlineData("the build is green, merging")]
    [InlineData("thanks!")]
    [InlineData("lol")]
    [InlineData("")]
    [InlineData("good morning everyone")]
    public void Chatter_gets_silence(string message) =>
        Assert.Equal(MessageIntent.None, Classifier.Classify(message).Intent);

    [Theory]
    [InlineData("our raft cluster lost quorum again")]
    [InlineData("kafka is down, who's on call?")]
    [InlineData("merged the paxos fix, thanks!")]
    [InlineData("replication lag on the replica is back to normal")]
    public void Chatter_full_of_distributed_systems_words_stays_silent(string message) =>
        Assert.Equal(MessageIntent.None, Classifier.Classify(message).Intent);

    [Theory]
    [InlineData("'In Search of an Understandable Consensus Algorithm' anyone?")]
    [InlineData("where can I find In Search of an Understandable Consensus Algorithm")]
    [InlineData("need the practical byzantine fault tolerance paper for class tomorrow")]
    public void A_full_title_with_a_few_words_around_it_is_a_lookup_of_that_paper(string message)
    {
        var result = Classifier.Classify(message);

        Assert.Equal(MessageIntent.Paper, result.Intent);
        Assert.NotNull(result.PaperQuery);
    }

    [Theory]
    [InlineData("section 5 of In Search of an Understandable Consensus Algorithm lost me, can we go over the proof in the session tomorrow?")]
    [InlineData("merged the raft fix, thanks!")]
    public void A_title_mentioned_on_the_way_to_something_else_is_not_a_lookup(string message) =>
        Assert.NotEqual(MessageIntent.Paper, Classifier.Classify(message).Intent);

    [Fact]
    public void A_newcomer_asking_what_to_read_gets_beginner_recommendations()
    {
        var result = Classifier.Classify("I'm new here, what should I read about replication?");
        Assert.Equal(MessageIntent.Recommend, result.Intent);
        Assert.Equal(Level.Beginner, result.Query.Level);
        Assert.Contains("replication", result.Query.TopicIds);
    }

    [Theory]
    [InlineData("any good books on consensus?", ResourceKind.Book)]
    [InlineData("can someone recommend a talk about kafka", ResourceKind.Talk)]
    [InlineData("looking for papers on byzantine fault tolerance", ResourceKind.Paper)]
    public void A_request_for_a_kind_of_material_carries_the_kind(string message, ResourceKind kind)
    {
        var result = Classifier.Classify(message);
        Assert.Equal(MessageIntent.Recommend, result.Intent);
        Assert.Equal(kind, result.Query.Kinds[0]);
    }

    [Theory]
    [InlineData("where can I find the raft paper?")]
    [InlineData("does anyone have a link to paxos made simple")]
    public void Asking_for_a_specific_paper_is_a_paper_lookup(string message) =>
        Assert.Equal(MessageIntent.Paper, Classifier.Classify(message).Intent);

    [Fact]
    public void A_bare_topic_is_chatter_in_a_channel_but_a_request_when_addressed()
    {
        Assert.Equal(MessageIntent.None, Classifier.Classify("consensus").Intent);
        var addressed = Classifier.Classify("@ReadingBot consensus", addressedToBot: true);
        Assert.Equal(MessageIntent.Recommend, addressed.Intent);
        Assert.Contains("consensus", addressed.Query.TopicIds);
    }

    [Fact]
    public void A_paper_pinned_by_its_authors_and_year_wins_over_a_name_other_papers_share()
    {
        var classification = Classifier.Classify("link to the ongaro ousterhout 2014 paper, the paxos alternative?", addressedToBot: true);

        Assert.Equal(MessageIntent.Paper, classification.Intent);
        Assert.Equal("In Search of an Understandable Consensus Algorithm", classification.PaperQuery);
    }

    [Theory]
    [InlineData("¿qué debería leer sobre consenso?")]
    [InlineData("gibt es ein gutes Buch über verteilte Systeme?")]
    [InlineData("有没有关于共识算法的好书？")]
    public void A_message_in_another_language_is_silent_and_flagged(string message)
    {
        var inChannel = Classifier.Classify(message);
        Assert.Equal(MessageIntent.None, inChannel.Intent);
        var addressed = Classifier.Classify(message, addressedToBot: true);
        Assert.Equal(MessageIntent.None, addressed.Intent);
        Assert.True(addressed.OtherLanguage);
    }

    [Fact]
    public void Whitespace_and_mentions_do_not_change_what_the_model_reads()
    {
        Assert.Equal("what should I read about consensus?", IntentModel.ModelText("<@1234>  what should\tI read\nabout   consensus? "));
        Assert.Equal("consensus for beginners", IntentModel.ModelText("@ReadingBot consensus for beginners"));
    }

    [Fact]
    public void The_model_is_safe_to_call_from_many_threads()
    {
        var messages = new[] { ("any good books on consensus?", MessageIntent.Recommend), ("lol", MessageIntent.None) };
        var expected = messages.Select(m => Classifier.Classify(m.Item1).Intent).ToArray();
        Parallel.For(0, 400, i =>
        {
            var (text, _) = messages[i % messages.Length];
            Assert.Equal(expected[i % messages.Length], Classifier.Classify(text).Intent);
        });
    }

    [Fact]
    public void Overlong_messages_are_ignored() =>
        Assert.Equal(MessageIntent.None, Classifier.Classify("what should I read about consensus " + new string('x', 600)).Intent);
}
