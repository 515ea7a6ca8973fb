using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage.Load;

/// <summary>
/// <c>crash [--provider ...] [--connection ...] [--readers 1000] [--kill-after 20] [--think-ms 0]</c>: runs <c>load</c>
/// in a child process with an acknowledgement journal, SIGKILLs it <c>--kill-after</c> seconds into the load,
/// "restarts" (a new store, migrations at start, timed), and checks that every acknowledged write is present once, that
/// the schema is still at the version the child started with, and (SQLite) <c>PRAGMA integrity_check</c>.
/// </summary>
internal static class CrashCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var readers = args.Int("--readers", 1000, 1, 100_000);
        var killAfter = args.Int("--kill-after", 20, 1, 3000);
        var think = args.Int("--think-ms", 0, 0, 60_000);
        var target = await StorageTarget.CreateAsync(args);
        var journalPath = Path.Combine(Directory.CreateTempSubdirectory("bot-storage-crash-").FullName, "acknowledged.tsv");
        try
        {
            Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Arguments.LoadAverage()}; {target.Description}");
            int versionBefore;
            await using (var services = target.BuildServices())
            {
                versionBefore = await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
            }

            var (fileName, prefix) = SelfCommand();
            var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in prefix.Concat(["load"]).Concat(target.ChildArguments()).Concat(
                ["--journal", journalPath, "--readers", readers.ToString(), "--seconds", (killAfter * 3).ToString(), "--think-ms", think.ToString()]))
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start) ?? throw new InvalidOperationException("the load process did not start");
            var stderr = child.StandardError.ReadToEndAsync();
            string? line;
            while ((line = await child.StandardOutput.ReadLineAsync()) is not null && line != LoadCommand.RunningLine)
            {
                Console.WriteLine("  child: " + line);
            }

            if (line is null)
            {
                await child.WaitForExitAsync();
                Console.Error.WriteLine($"the load process ended before the load started (exit {child.ExitCode}): {await stderr}");
                return 1;
            }

            // The kill lands in the middle of the load: the point of the benchmark, not a synchronisation.
            await Task.Delay(TimeSpan.FromSeconds(killAfter));
            child.Kill(entireProcessTree: false); // SIGKILL on Linux
            await child.WaitForExitAsync();
            var journal = AckJournal.Load(journalPath);
            Console.WriteLine($"SIGKILLed the load process {killAfter} s into the load (exit {child.ExitCode}); {journal.Acknowledged} writes had been acknowledged ({journal.Items.Count} list items, {journal.Votes.Count} vote keys)");

            var restart = Stopwatch.StartNew();
            int versionAfter;
            await using (var services = target.BuildServices())
            {
                versionAfter = await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
            }

            Console.WriteLine($"restart: migrations at start took {restart.Elapsed.TotalMilliseconds:F0} ms; schema version {versionAfter} (before the load {versionBefore})");
            var integrity = target.IsPostgres ? "not run (only the client was killed; PostgreSQL recovers its own crashes from its WAL)" : await IntegrityCheckAsync(target);
            Console.WriteLine($"integrity check (SQLite PRAGMA integrity_check): {integrity}");
            var count = await DatabaseCount.TakeAsync(target, journal);
            Console.WriteLine($"counted in the database: {count}");

            // A press in flight at the kill may have committed without being acknowledged: at most one per reader.
            var sound = count is { LostVotes: 0, DoubledVotes: 0, LostItems: 0, LostReads: 0 }
                && count.VotesWithOtherChoice + count.UnacknowledgedVoteRows <= readers
                && versionAfter == versionBefore
                && (target.IsPostgres || integrity == "ok");
            Console.WriteLine(sound
                ? "OK: every acknowledged write survived the kill, none doubled; the schema is intact"
                : "FAILED: see above");
            return sound ? 0 : 1;
        }
        finally
        {
            await target.DropAsync();
            Directory.Delete(Path.GetDirectoryName(journalPath)!, recursive: true);
        }
    }

    private static async Task<string> IntegrityCheckAsync(StorageTarget target)
    {
        await using var connection = (SqliteConnection)await target.OpenRawAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string?)await check.ExecuteScalarAsync() ?? "(no answer)";
    }

    /// <summary>How to start this tool again: its apphost, or <c>dotnet</c> with its dll.</summary>
    private static (string FileName, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(CrashCommand).Assembly.Location])
            : (process, []);
    }
}
