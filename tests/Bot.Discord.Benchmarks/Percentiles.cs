using System.Globalization;

namespace Bot.Discord.Benchmarks;

/// <summary>Nearest-rank percentiles of a set of durations in milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P99, double Max, double Mean)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"n={Count}  p50 {P50:0.0} ms  p99 {P99:0.0} ms  max {Max:0.0} ms  mean {Mean:0.0} ms");

    /// <summary>The smallest sample with at least <paramref name="fraction"/> of the samples at or below it.</summary>
    private static double Rank(double[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
