using Bot.Quality.Harness;
using Xunit.Abstractions;

namespace Bot.Quality.Tests;

public sealed class QualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Figures_stay_within_the_floors()
    {
        var report = QualityRun.Report;
        Print(report.Format(QualityFloors.All));

        var violations = report.Violations(QualityFloors.All);

        Assert.True(violations.Count == 0, "Quality fell below its floors:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Ranker_beats_bm25_by_at_least_a_quarter()
    {
        var report = QualityRun.Report;
        Print($"nDCG@5 ranker {report.RecommendNdcg:0.000}, FTS5 {report.Fts5Ndcg:0.000}, Lucene {report.LuceneNdcg:0.000}, stronger ({report.BaselineName}) {report.BaselineNdcg:0.000}, lift {report.BaselineLift:P1}");

        Assert.True(
            report.RecommendNdcg >= report.BaselineNdcg * (1 + QualityFloors.MinimumLiftOverBm25),
            $"The ranker's nDCG@5 {report.RecommendNdcg:0.000} is not {QualityFloors.MinimumLiftOverBm25:P0} above BM25's {report.BaselineNdcg:0.000}.");
    }

    private void Print(string text)
    {
        output.WriteLine(text);
        Console.WriteLine(text);
    }
}
