using Bot.Quality.Harness;
using Xunit.Abstractions;

namespace Bot.Quality.Tests;

/// <summary>
/// The held-out judgments were written after tuning and are never tuned against, so they carry no
/// floors of their own: they report how the bot generalises. Only the issue's own bar applies.
/// </summary>
public sealed class HoldoutTests(ITestOutputHelper output)
{
    private static readonly Lazy<QualityReport> Holdout = new(() => QualityEvaluator.RunOnRepository(JudgmentFolders.Holdout));

    // Measured against SQLite FTS5, the bar this test has always held. Against the stronger Lucene.Net baseline the
    // held-out lift is far smaller (the report prints it); issue 8's learned ranker is what must close that gap.
    [Fact]
    public void Held_out_queries_beat_fts5_bm25_by_at_least_a_quarter()
    {
        var report = Holdout.Value;
        var text = "Held-out set (report only):\n" + report.Format([]);
        output.WriteLine(text);
        Console.WriteLine(text);

        Assert.True(
            report.RecommendNdcg >= report.Fts5Ndcg * (1 + QualityFloors.MinimumLiftOverBm25),
            $"On held-out queries the ranker's nDCG@5 {report.RecommendNdcg:0.000} is not {QualityFloors.MinimumLiftOverBm25:P0} above FTS5's {report.Fts5Ndcg:0.000}.");
    }

    [Fact]
    public void Held_out_chatter_gets_silence()
    {
        var report = Holdout.Value;
        Assert.Equal(0, report.ChatterFalsePositiveRate);
    }
}
