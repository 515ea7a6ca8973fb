using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage.Load;

/// <summary>
/// <c>startup [--provider ...] [--connection ...] [--runs 10]</c>: how long the storage's start takes — a new store
/// (new connection pool) and <c>MigrateAsync</c> — on an empty database (every migration applied) and on a current one
/// (nothing to apply). The first empty run also pays the JIT and is reported apart.
/// </summary>
internal static class StartupCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var runs = args.Int("--runs", 10, 2, 1000);
        var target = await StorageTarget.CreateAsync(args);
        try
        {
            Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Arguments.LoadAverage()}; {target.Description}");
            var empty = new List<double>();
            var current = new List<double>();
            var version = 0;
            for (var run = 0; run < runs; run++)
            {
                await target.ResetAsync();
                empty.Add(await MigrateAsync(target, v => version = v));
                current.Add(await MigrateAsync(target, _ => { }));
            }

            Console.WriteLine($"schema version {version}; {runs} runs each");
            Console.WriteLine($"empty database (all migrations): first run {empty[0]:F0} ms (JIT), then {Summary(empty.Skip(1))}");
            Console.WriteLine($"current database (nothing to apply): first run {current[0]:F0} ms, then {Summary(current.Skip(1))}");
            return 0;
        }
        finally
        {
            await target.DropAsync();
        }
    }

    private static async Task<double> MigrateAsync(StorageTarget target, Action<int> version)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var services = target.BuildServices();
        version(await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None));
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static string Summary(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return $"p50 {LoadRun.Percentile(sorted, 0.5):F1} ms, max {sorted[^1]:F1} ms";
    }
}
