using Bot.Catalog;
using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class Fts5BaselineTests
{
    [Fact]
    public void User_words_drop_the_command_and_option_keys()
    {
        Assert.Equal("storage advanced paper", Fts5Baseline.UserWords("/recommend topic:storage level:advanced kind:paper"));
        Assert.Equal("consensus beginner", Fts5Baseline.UserWords("/recommend consensus beginner"));
    }

    [Fact]
    public void Match_expression_quotes_every_token_so_nothing_is_syntax()
    {
        Assert.Equal("\"raft\" OR \"and\" OR \"not\" OR \"2pc\"", Fts5Baseline.MatchExpression("Raft AND NOT \"2pc\" -raft*"));
        Assert.Equal(string.Empty, Fts5Baseline.MatchExpression("-- ** ()"));
    }

    [Fact]
    public void Ranks_by_bm25_and_filters_by_kind()
    {
        using var baseline = Fts5Baseline.Build(BaselineFixture.Resources, BaselineFixture.Topics);

        Assert.Equal("raft", baseline.Search("raft consensus")[0]);
        Assert.Equal(["raft-viz"], baseline.Search("raft", [ResourceKind.Tool]));
        Assert.Equal(["lsm"], baseline.Search("lsm tree"));
        Assert.Contains("raft", baseline.Search("leader election"));
        Assert.Empty(baseline.Search("quantum"));
    }
}
