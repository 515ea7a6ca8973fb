using Bot.Catalog;
using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class Fts5BaselineTests
{
    private static readonly Topic[] Topics =
    [
        new() { Id = "consensus", Name = "Consensus", Description = "Agreement.", Aliases = ["leader election"] },
        new() { Id = "storage", Name = "Storage", Description = "Disks.", Aliases = ["lsm tree"] },
    ];

    private static readonly Resource[] Resources =
    [
        Resource("raft", "In Search of an Understandable Consensus Algorithm", ResourceKind.Paper, "consensus", "Raft splits consensus into leader election and log replication."),
        Resource("raft-viz", "The Secret Lives of Data", ResourceKind.Tool, "consensus", "An animation of Raft."),
        Resource("lsm", "The Log-Structured Merge-Tree", ResourceKind.Paper, "storage", "Buffers writes in memory and merges sorted runs."),
    ];

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
        using var baseline = Fts5Baseline.Build(Resources, Topics);

        Assert.Equal("raft", baseline.Search("raft consensus")[0]);
        Assert.Equal(["raft-viz"], baseline.Search("raft", [ResourceKind.Tool]));
        Assert.Equal(["lsm"], baseline.Search("lsm tree"));
        Assert.Contains("raft", baseline.Search("leader election"));
        Assert.Empty(baseline.Search("quantum"));
    }

    private static Resource Resource(string id, string title, ResourceKind kind, string topic, string summary) => new()
    {
        Id = id,
        Title = title,
        Authors = ["Someone"],
        Kind = kind,
        Level = Level.Intermediate,
        Topics = [topic],
        Summary = summary,
        Url = "https://example.org/" + id,
    };
}
