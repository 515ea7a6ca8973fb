using Bot.Catalog;

namespace Bot.Quality.Tests;

/// <summary>The small catalog both BM25 baselines' tests index.</summary>
internal static class BaselineFixture
{
    public static readonly Topic[] Topics =
    [
        new() { Id = "consensus", Name = "Consensus", Description = "Agreement.", Aliases = ["leader election"] },
        new() { Id = "storage", Name = "Storage", Description = "Disks.", Aliases = ["lsm tree"] },
    ];

    public static readonly Resource[] Resources =
    [
        Resource("raft", "In Search of an Understandable Consensus Algorithm", ResourceKind.Paper, "consensus", "Raft splits consensus into leader election and log replication."),
        Resource("raft-viz", "The Secret Lives of Data", ResourceKind.Tool, "consensus", "An animation of Raft."),
        Resource("lsm", "The Log-Structured Merge-Tree", ResourceKind.Paper, "storage", "Buffers writes in memory and merges sorted runs."),
    ];

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
