using System.Diagnostics;
using System.Globalization;
using Bot.Application;
using Bot.Catalog;
using Bot.Quality.Harness;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- perf [--items 100000] [--rounds 20] [--synthetic-rounds 3]</c>: build time, index memory
/// and p50/p99 query latency of the bot, of SQLite FTS5 and of Lucene.Net (BM25 top 5), on the real catalog and on a
/// synthetic one, using the judged inputs as the query set. Prints Markdown tables. <c>--items 0</c> measures the real
/// catalog only.
/// </summary>
internal static class PerfCommand
{
    private static readonly List<string> Summaries = [];

    public static int Run(IReadOnlyList<string> args)
    {
        var items = CommandLine.Int(args, "--items", 100_000);
        var rounds = CommandLine.Int(args, "--rounds", 20);
        var syntheticRounds = CommandLine.Int(args, "--synthetic-rounds", 3);

        var (real, _, _, loadTime) = Measure(() => CatalogLoader.LoadOrThrow(Repository.DataDirectory));
        var judgments = JudgmentFolders.LoadTuned();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeDescription()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {CommandLine.LoadAverage()}");
        Console.WriteLine($"Real catalog loaded and validated in {loadTime.TotalMilliseconds:0} ms ({real.Resources.Count} resources).");
        Console.WriteLine();
        Console.WriteLine("| catalog | system | items | build | index memory (retained) | allocated while building | query set | p50 | p99 | mean | max |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        Report("real", real, judgments, rounds);

        if (items > 0)
        {
            ReportSynthetic(real, judgments, items, syntheticRounds);
        }

        Console.WriteLine();
        foreach (var summary in Summaries)
        {
            Console.WriteLine(summary);
        }

        Console.WriteLine();
        Console.WriteLine($"Finished {DateTime.UtcNow:HH:mm} UTC, {CommandLine.LoadAverage()}.");
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB.");
        return 0;
    }

    private static void ReportSynthetic(ReadingCatalog real, JudgmentSet judgments, int items, int syntheticRounds)
    {
        var (synthetic, _, _, generateTime) = Measure(() => SyntheticCatalog.Generate(real, items));
        Console.Error.WriteLine($"Synthetic catalog of {items} items generated in {generateTime.TotalSeconds:0.0} s (seed {SyntheticCatalog.DefaultSeed}).");
        Report("synthetic", synthetic, judgments, syntheticRounds);
    }

    private static void Report(string name, ReadingCatalog catalog, JudgmentSet judgments, int rounds)
    {
        // A service runs for hours: warm up long enough for tiered compilation (and its dynamic PGO) to settle, or
        // its background re-JIT on a two-core machine lands in the measured tail.
        var warmup = Math.Min(rounds, 30);
        var count = catalog.Resources.Count;
        var (engine, retained, allocated, buildTime) = Measure(() => new RecommendationEngine(catalog));
        var assistant = new ReadingAssistant(engine);
        var recommendInputs = judgments.Recommend.Select(j => j.Input).ToList();
        var paperInputs = judgments.Papers.Select(j => j.Input).ToList();
        var messageInputs = judgments.Messages.Select(j => j.Text).ToList();

        var recommend = LatencyProbe.Measure(recommendInputs, rounds, input => assistant.Handle(input), warmup);
        Row(name, "bot", count, buildTime, retained, allocated, $"/recommend ({recommendInputs.Count} judged inputs)", recommend);
        Console.Error.WriteLine($"{name}: slowest /recommend inputs by median: " + string.Join("; ", recommend.Slowest.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Input} {s.MedianMs:0.0} ms"))));
        Row(name, "bot", count, null, null, null, $"/paper ({paperInputs.Count} judged lookups)", LatencyProbe.Measure(paperInputs, rounds, input => assistant.Handle(input), warmup));
        Row(name, "bot", count, null, null, null, $"messages ({messageInputs.Count} judged)", LatencyProbe.Measure(messageInputs, rounds, text => assistant.HandleMessage(text), warmup));
        GC.KeepAlive(engine);

        var queries = judgments.Recommend.Select(j => (Words: Fts5Baseline.UserWords(j.Input), Kinds: QualityEvaluator.KindsFor(j.Kind))).ToList();
        var nativeBefore = Fts5Baseline.NativeMemoryUsed();
        var (fts, _, _, ftsBuildTime) = Measure(() => Fts5Baseline.Build(catalog.Resources, catalog.Topics));
        using (fts)
        {
            var nativeBytes = Fts5Baseline.NativeMemoryUsed() - nativeBefore;
            var ftsLatency = LatencyProbe.Measure(queries, rounds, q => fts.Search(q.Words, q.Kinds), warmup);
            Row(name, "SQLite FTS5 (bm25)", count, ftsBuildTime, nativeBytes, null, $"/recommend words ({queries.Count} judged inputs)", ftsLatency);
            Console.Error.WriteLine($"{name}: bot /recommend p50 {recommend.P50Ms:0.000} ms vs FTS5 p50 {ftsLatency.P50Ms:0.000} ms");
        }

        var (lucene, luceneRetained, _, luceneBuildTime) = Measure(() => LuceneBaseline.Build(catalog.Resources, catalog.Topics));
        using (lucene)
        {
            var luceneLatency = LatencyProbe.Measure(queries, rounds, q => lucene.Search(q.Words, q.Kinds), warmup);
            Row(name, "Lucene.Net 4.8 (BM25, English)", count, luceneBuildTime, lucene.IndexBytes, null, $"/recommend words, top 5 ({queries.Count} judged inputs)", luceneLatency);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: Lucene index {Mebibytes(lucene.IndexBytes)} in its directory, {Mebibytes(luceneRetained)} retained in all"));
            Summaries.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} ({count:N0} items): /recommend p50 {recommend.P50Ms:0.000} ms = {recommend.P50Ms / luceneLatency.P50Ms:0.00}x Lucene top-5 p50 {luceneLatency.P50Ms:0.000} ms; index memory {Mebibytes(retained)} = {(double)retained / lucene.IndexBytes:0.0}x Lucene's {Mebibytes(lucene.IndexBytes)}"));
        }
    }

    private static (T Value, long RetainedBytes, long AllocatedBytes, TimeSpan Elapsed) Measure<T>(Func<T> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var value = build();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(value);
        return (value, retained, allocated, stopwatch.Elapsed);
    }

    private static void Row(string catalog, string system, int items, TimeSpan? build, long? retained, long? allocated, string querySet, LatencySummary latency) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {catalog} | {system} | {items:N0} | {(build is { } b ? $"{b.TotalMilliseconds:0} ms" : "")} | {Mebibytes(retained)} | {Mebibytes(allocated)} | {querySet} | {latency.P50Ms:0.000} ms | {latency.P99Ms:0.000} ms | {latency.MeanMs:0.000} ms | {latency.MaxMs:0.0} ms |"));

    private static string Mebibytes(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.0} MiB") : string.Empty;

    private static string RuntimeDescription() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
