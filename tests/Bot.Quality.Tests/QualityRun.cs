using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

/// <summary>The one evaluation of the repository's catalog that all quality tests read.</summary>
internal static class QualityRun
{
    private static readonly Lazy<QualityReport> Shared = new(() => QualityEvaluator.RunOnRepository());

    public static QualityReport Report => Shared.Value;
}
