using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class QualityReportTests
{
    private static readonly Grades Judged = new(new Dictionary<string, int> { ["good"] = 3 });

    [Fact]
    public void A_figure_below_its_floor_or_above_its_ceiling_is_reported()
    {
        var report = new QualityReport(
            [Outcome("/recommend a", ["bad"], baseline: ["good"]), Outcome("/recommend b", ["good"], baseline: ["good"])],
            [],
            [new MessageOutcome(Chatter("lunch?"), "recommend", ["good"])],
            []);

        var violations = report.Violations(
        [
            new(QualityReport.RecommendNdcgKey, AtLeast: 0.6),
            new(QualityReport.BaselineLiftKey, AtLeast: 0.25),
            new(QualityReport.ChatterFalsePositiveKey, AtMost: 0.5),
            new("no.such.figure", AtLeast: 0),
        ]);

        Assert.Equal(0.5, report.RecommendNdcg, 12);
        Assert.Equal(-0.5, report.BaselineLift, 12);
        Assert.Equal(1.0, report.ChatterFalsePositiveRate);
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public void The_worst_list_starts_with_the_lowest_ndcg()
    {
        var report = new QualityReport([Outcome("/recommend a", ["good"]), Outcome("/recommend b", ["bad"])], [], [], []);

        Assert.Equal("/recommend b", report.Worst(1).Single().Input);
        Assert.Contains("/recommend b", report.Format(QualityFloors.All, worst: 1), StringComparison.Ordinal);
    }

    private static RankedOutcome Outcome(string input, IReadOnlyList<string> returned, IReadOnlyList<string>? baseline = null) => new(
        input, null, Judged, returned, RankingMetrics.Ndcg(returned, Judged), baseline, baseline is null ? null : RankingMetrics.Ndcg(baseline, Judged),
        null, null, true, "recommend", null);

    private static MessageJudgment Chatter(string text) => new(text, ExpectedIntent.None, null, null, [], new Grades(new Dictionary<string, int>()), null, []);
}
