using System.Diagnostics;
using Bot.Quality.Harness;
using Bot.Testing;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- startup [--runs 20]</c>: wall time from process start to exit of
/// <c>dotnet src/Bot/bin/Release/net10.0/Bot.dll ask "/recommend consensus beginner"</c>, which
/// includes runtime start-up, loading and validating the catalog, building the index and answering.
/// </summary>
internal static class StartupCommand
{
    public const string Input = "/recommend consensus beginner";

    public static int Run(IReadOnlyList<string> args)
    {
        var runs = CommandLine.Int(args, "--runs", 20);
        var dll = CommandLine.Text(args, "--dll") ?? Path.Combine(Repository.Root, "src", "Bot", "bin", "Release", "net10.0", "Bot.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} does not exist; build it first: dotnet build -c Release src/Bot");
            return 2;
        }

        var samples = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (elapsed, exitCode, output, error) = RunOnce(dll);
            if (exitCode != 0 || !output.Contains("consensus", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"Run {run + 1} failed (exit code {exitCode}):{Environment.NewLine}{output}{error}");
                return 1;
            }

            samples.Add(elapsed.TotalMilliseconds);
        }

        var summary = LatencyProbe.Summarize(samples);
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {CommandLine.LoadAverage()}");
        Console.WriteLine($"dotnet {Path.GetRelativePath(Repository.Root, dll)} ask \"{Input}\"");
        Console.WriteLine($"process start to first answer, {runs} runs: first {samples[0]:0} ms, min {samples.Min():0} ms, p50 {summary.P50Ms:0} ms, p99 {summary.P99Ms:0} ms, max {summary.MaxMs:0} ms");
        return 0;
    }

    private static (TimeSpan Elapsed, int ExitCode, string Output, string Error) RunOnce(string dll)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("ask");
        info.ArgumentList.Add(Input);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        stopwatch.Stop();
        return (stopwatch.Elapsed, process.ExitCode, output.Result, error.Result);
    }
}
