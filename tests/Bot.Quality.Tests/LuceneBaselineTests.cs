using Bot.Catalog;
using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class LuceneBaselineTests
{
    [Fact]
    public void Ranks_by_bm25_and_filters_by_kind()
    {
        using var baseline = LuceneBaseline.Build(BaselineFixture.Resources, BaselineFixture.Topics);

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
        using var baseline = LuceneBaseline.Build(BaselineFixture.Resources, BaselineFixture.Topics);

        Assert.Equal(["merg", "sort", "run"], baseline.Analyze("the merging of sorted runs"));
        Assert.Equal(["lsm"], baseline.Search("merging sorted run"));
        Assert.Empty(baseline.Search("the of and"));
    }

    [Fact]
    public void Query_syntax_is_not_interpreted()
    {
        using var baseline = LuceneBaseline.Build(BaselineFixture.Resources, BaselineFixture.Topics);

        Assert.Equal(["raft", "raft-viz"], baseline.Search("raft AND NOT \"2pc\" -raft* ()").Order(StringComparer.Ordinal));
    }
}
