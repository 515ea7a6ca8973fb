using System.Diagnostics;
using System.Globalization;

namespace Bot.Benchmarks;

public sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>The inputs with the highest median time, slowest first, for finding what makes the tail.</summary>
    public IReadOnlyList<(string Input, double MedianMs)> Slowest { get; init; } = [];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count,6}  p50 {P50Ms,8:0.000} ms  p99 {P99Ms,8:0.000} ms  mean {MeanMs,8:0.000} ms  max {MaxMs,8:0.000} ms");
}

/// <summary>
/// Percentiles need many samples, which BenchmarkDotNet's means do not give: this times each call
/// with a Stopwatch over several rounds of a fixed input set and reads nearest-rank percentiles.
/// </summary>
public static class LatencyProbe
{
    /// <param name="warmupRounds">Untimed rounds first, so tiered JIT has promoted the hot paths.</param>
    public static LatencySummary Measure<T>(IReadOnlyList<T> inputs, int rounds, Action<T> call, int warmupRounds = 3)
    {
        for (var round = 0; round < warmupRounds; round++)
        {
            foreach (var input in inputs)
            {
                call(input);
            }
        }

        var samples = new double[inputs.Count * rounds];
        var perInput = new double[inputs.Count][];
        var next = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            perInput[i] = new double[rounds];
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                call(inputs[i]);
                samples[next++] = perInput[i][round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return Summarize(samples) with
        {
            Slowest = inputs
                .Select((input, i) => (Input: input?.ToString() ?? string.Empty, MedianMs: Percentile(perInput[i].Order().ToArray(), 0.5)))
                .OrderByDescending(p => p.MedianMs)
                .Take(5)
                .ToList(),
        };
    }

    public static LatencySummary Summarize(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new LatencySummary(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
