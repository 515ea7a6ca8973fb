using Bot.Application.Readers;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage.Load;

/// <summary>
/// <c>load [--provider sqlite|postgres] [--connection ...] [--readers 1000] [--seconds 60] [--think-ms 0] [--seed 1]
/// [--journal path]</c>: the button load, then the database counted against every acknowledged write. Exit 1 when a
/// write was lost, doubled or differs from what was acknowledged.
/// </summary>
internal static class LoadCommand
{
    public const string RunningLine = "load running";

    public static async Task<int> RunAsync(Arguments args)
    {
        var settings = new LoadSettings(
            args.Int("--readers", 1000, 1, 100_000),
            TimeSpan.FromSeconds(args.Int("--seconds", 60, 1, 3600)),
            args.Int("--think-ms", 0, 0, 60_000),
            args.Int("--seed", 1, 0, 1_000_000),
            args.Text("--journal"));
        var child = args.Text("--database") is not null || args.Text("--journal") is not null;
        var target = await StorageTarget.CreateAsync(args);
        try
        {
            Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Arguments.LoadAverage()}; {target.Description}");
            Console.WriteLine($"{settings.Readers} readers for {settings.Duration.TotalSeconds:F0} s, think time {(settings.ThinkMilliseconds == 0 ? "none (saturated)" : $"exponential, mean {settings.ThinkMilliseconds} ms")}");
            await using var services = target.BuildServices();
            var version = await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
            await LoadRun.ConfigureServersAsync(services);
            var readers = new ReaderAssistant(LoadRun.BuildAssistant(), services.GetRequiredService<IReaderStore>());
            using var journal = new AckJournal(settings.JournalPath);
            var result = await LoadRun.RunAsync(readers, settings, journal, () => Console.WriteLine(RunningLine));
            Console.WriteLine(
                $"schema version {version}; {result.Presses} presses ({string.Join(", ", result.ByAction.Select(p => $"{p.Key} {p.Value}"))}; a double-clicked vote counts once) in {result.Elapsed.TotalSeconds:F1} s: " +
                $"{result.Acknowledged} acknowledged ({result.PerSecond:F0}/s; {result.ReadersWhoPressed} readers pressed at least once), {result.Refused} refused, {result.Failed} failed{(result.FirstFailure is { } f ? $" (first: {f})" : "")}");
            Console.WriteLine($"handling latency per press: p50 {result.P50Milliseconds:F1} ms, p99 {result.P99Milliseconds:F1} ms, max {result.MaxMilliseconds:F0} ms; {Arguments.LoadAverage()} at the end");

            var count = await DatabaseCount.TakeAsync(target, journal);
            Console.WriteLine($"counted in the database: {count}");
            var sound = count is { LostVotes: 0, DoubledVotes: 0, VotesWithOtherChoice: 0, UnacknowledgedVoteRows: 0, LostItems: 0, LostReads: 0 } && result.Failed == 0;
            Console.WriteLine(sound ? "OK: every acknowledged write is in the database once, as acknowledged" : "FAILED: see the counts above");
            return sound ? 0 : 1;
        }
        finally
        {
            if (!child)
            {
                await target.DropAsync();
            }
        }
    }
}
