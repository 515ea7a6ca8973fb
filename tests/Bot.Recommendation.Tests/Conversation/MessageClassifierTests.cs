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
    [InlineData("I read the raft paper yesterday, loved it")]
    [InlineData("is the kafka cluster down again?")]
    [InlineData("should we use raft or paxos for the config service?")]
    [InlineData("good morning everyone")]
    public void Chatter_gets_silence(string message) =>
        Assert.Equal(MessageIntent.None, Classifier.Classify(message).Intent);

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
    public void Overlong_messages_are_ignored() =>
        Assert.Equal(MessageIntent.None, Classifier.Classify("what should I read about consensus " + new string('x', 600)).Intent);
}
