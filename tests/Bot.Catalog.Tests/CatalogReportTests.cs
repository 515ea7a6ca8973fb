using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests;

public sealed class CatalogReportTests : IDisposable
{
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Reports_size_levels_kinds_open_share_path_and_essentials_per_topic()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("bought").With("kind", "book").With("level", "intermediate-advanced").With("access", "purchase"));

        var report = CatalogReport.Format(LoadCatalog());

        Assert.Contains("6 resources, 2 topics, 2 sources; open access 83%", report, StringComparison.Ordinal);
        Assert.Contains(
            """
            alpha (Alpha): 6 resources, 6 with it as primary topic
              levels (suits): beginner 2, intermediate 2, advanced 3
              kinds: paper 5, book 1
              open access: 5 of 6 (83%)
              path (4 steps):
                1. Title of base-1 [base-1; beginner paper, open]
                   why: Start here.
            """,
            report,
            StringComparison.Ordinal);
        Assert.Contains("  essentials: base-1, base-2, base-3, base-5\n", report, StringComparison.Ordinal);
        Assert.Contains("beta (Beta): 5 resources, 0 with it as primary topic\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_without_a_path_says_so()
    {
        _data.Write("topics.yaml", "topics:\n  - id: alpha\n    name: Alpha\n    description: First.\n  - id: beta\n    name: Beta\n    description: Second.\n");

        var report = CatalogReport.Format(LoadCatalog());

        Assert.Contains("beta (Beta): 5 resources, 0 with it as primary topic\n", report, StringComparison.Ordinal);
        Assert.Contains("  path: none\n  essentials: none\n", report, StringComparison.Ordinal);
    }

    private ReadingCatalog LoadCatalog()
    {
        var result = _data.Load();
        ProblemAssert.NoProblems(result);
        return result.Catalog!;
    }
}
