using Bot.Catalog;
using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class LuceneBaselineTests
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
    public void Ranks_by_bm25_and_filters_by_kind()
    {
        using var baseline = LuceneBaseline.Build(Resources, Topics);

        Assert.Equal(3, baseline.Count);
        Assert.Equal("raft", baseline.Search("raft consensus")[0]);
        Assert.Equal(["raft-viz"], baseline.Search("raft", [ResourceKind.Tool]));
        Assert.Equal(["lsm"], baseline.Search("lsm tree"));
        Assert.Contains("raft", baseline.Search("leader election"));
        Assert.Empty(baseline.Search("quantum"));
        Assert.True(baseline.IndexBytes > 0);
    }

    [Fact]
    public void Query_words_are_stemmed_and_stop_words_dropped()
    {
        using var baseline = LuceneBaseline.Build(Resources, Topics);

        Assert.Equal(["merg", "sort", "run"], baseline.Analyze("the merging of sorted runs"));
        Assert.Equal(["lsm"], baseline.Search("merging sorted run"));
        Assert.Empty(baseline.Search("the of and"));
    }

    [Fact]
    public void Query_syntax_is_not_interpreted()
    {
        using var baseline = LuceneBaseline.Build(Resources, Topics);

        Assert.Equal(["raft", "raft-viz"], baseline.Search("raft AND NOT \"2pc\" -raft* ()").Order(StringComparer.Ordinal));
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
