using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class TopicMatcherTests
{
    private readonly TopicMatcher _matcher = new(FixtureCatalog.Topics);

    [Theory]
    [InlineData("quantum gravity")]
    [InlineData("cooking")]
    [InlineData("")]
    public void Nothing_is_near_text_unlike_any_topic(string text) => Assert.Empty(_matcher.Nearest(text, 3));

    [Fact]
    public void Long_aliases_are_not_near_unrelated_text()
    {
        var matcher = new TopicMatcher([new Bot.Catalog.Topic { Id = "crdts", Name = "CRDTs", Description = "d", Aliases = ["conflict free replicated data types"] }]);
        Assert.Empty(matcher.Nearest("quantum gravity", 3));
    }

    [Fact]
    public void A_word_a_third_or_more_of_whose_letters_differ_is_not_near()
    {
        var matcher = new TopicMatcher([new Bot.Catalog.Topic { Id = "observability", Name = "Observability", Description = "d", Aliases = ["logging"] }]);
        Assert.Empty(matcher.Nearest("cooking", 3));
        Assert.Equal("observability", Assert.Single(matcher.Nearest("loging", 3)).Id);
    }

    [Theory]
    [InlineData("replicashun", "replication")]
    [InlineData("consens", "consensus")]
    [InlineData("byzant", "byzantine-fault-tolerance")]
    public void Near_misses_suggest_their_topic(string text, string topic) => Assert.Equal(topic, _matcher.Nearest(text, 3)[0].Id);

    [Fact]
    public void A_misspelt_two_word_alias_wins_over_an_exact_word_inside_it()
    {
        var mentions = _matcher.Match("stream procesing");
        Assert.Equal("streaming-and-logs", Assert.Single(mentions).TopicId);
    }

    [Fact]
    public void A_word_the_taxonomy_uses_is_not_a_misspelling_of_another_alias()
    {
        var matcher = new TopicMatcher(
        [
            new Bot.Catalog.Topic { Id = "sharding", Name = "Sharding", Description = "d", Aliases = ["sharding"] },
            new Bot.Catalog.Topic { Id = "scheduling", Name = "Scheduling", Description = "d", Aliases = ["fair sharing"] },
        ]);
        Assert.Empty(matcher.Match("mind sharing a course"));
        Assert.Equal("sharding", Assert.Single(matcher.Match("shardng")).TopicId);
    }

    [Fact]
    public void Each_word_of_a_misspelt_phrase_must_be_a_misspelling_of_its_own_word()
    {
        var matcher = new TopicMatcher([new Bot.Catalog.Topic { Id = "architecture", Name = "Architecture", Description = "d", Aliases = ["api design"] }]);
        Assert.Empty(matcher.Match("rpc design"));
    }
}
