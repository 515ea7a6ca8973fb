namespace Bot.Quality.Harness;

/// <summary>
/// The floors the quality run must stay above (ceilings for error rates), set a little below the
/// figures measured when they were written, so a regression fails while noise does not.
/// PROVISIONAL: replaced after the first measurement.
/// </summary>
public static class QualityFloors
{
    /// <summary>The requirement: the ranker beats BM25's nDCG@5 by at least 25% (relative).</summary>
    public const double MinimumLiftOverBm25 = 0.25;

    public static IReadOnlyList<Bound> All { get; } =
    [
        new(QualityReport.RecommendNdcgKey, AtLeast: 0.0),
        new(QualityReport.BaselineLiftKey, AtLeast: MinimumLiftOverBm25),
        new(QualityReport.MessageNdcgKey, AtLeast: 0.0),
        new(QualityReport.PaperTop1Key, AtLeast: 0.0),
        new(QualityReport.PaperMrrKey, AtLeast: 0.0),
        new(QualityReport.IntentAccuracyKey, AtLeast: 0.0),
        new(QualityReport.ChatterFalsePositiveKey, AtMost: 1.0),
    ];
}
