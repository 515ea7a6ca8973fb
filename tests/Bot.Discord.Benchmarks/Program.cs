using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bot.Discord.Benchmarks;

// dotnet run -c Release --project tests/Bot.Discord.Benchmarks [burst] [startup] [memory] [micro] [load]
//   [--burst-size 200] [--warm-bursts 5] [--startup-runs 10] [--memory-runs 3] [--idle-seconds 5]
//   [--set Discord:Key=value ...]   extra bot configuration for what-if runs (in-process burst and child processes)
//   load: [--rates 25,50,100,200] [--seconds 10] [--kill-rate 100] [--kill-seconds 20] [--postgres "Host=...;Database=postgres"]
// With no part named, every part but load runs. Figures and targets are issue 3, section 6 (load: issue 11, section 5).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var settings = args.Zip(args.Skip(1))
    .Where(pair => pair.First == "--set" && pair.Second.Contains('=', StringComparison.Ordinal))
    .Select(pair => pair.Second.Split('=', 2))
    .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.OrdinalIgnoreCase);
var parts = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
    .ToHashSet(StringComparer.OrdinalIgnoreCase);
var unknown = parts.Except(["burst", "startup", "memory", "micro", "load"], StringComparer.OrdinalIgnoreCase).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown part(s): {string.Join(", ", unknown)}. Parts: burst, startup, memory, micro, load.");
    return 2;
}

bool Runs(string part) => (parts.Count == 0 && part != "load") || parts.Contains(part);
string? Text(string name)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
int Setting(string name, int fallback)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

var burstSize = Setting("burst-size", 200);
var warmBursts = Setting("warm-bursts", 5);
var startupRuns = Setting("startup-runs", 10);
var memoryRuns = Setting("memory-runs", 3);
var idleSeconds = Setting("idle-seconds", 5);
var output = Console.Out;
var problems = new List<string>();
var summary = new List<string>();

await output.WriteLineAsync($"Discord benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Repository.Configuration} build");
await output.WriteLineAsync($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
foreach (var (key, value) in settings)
{
    await output.WriteLineAsync($"Setting {key} = {value}");
}

if (Repository.Configuration != "Release")
{
    await output.WriteLineAsync("WARNING: a Debug build; run with -c Release for figures worth writing down.");
}

if (Runs("load"))
{
    var rates = (Text("rates") ?? "25,50,100,200").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(r => int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
    var load = new LoadSettings(
        rates, Setting("seconds", 10), Setting("kill-rate", 100), Setting("kill-seconds", 20),
        Text("postgres") ?? Environment.GetEnvironmentVariable("BOT_TEST_POSTGRES"));
    await output.WriteLineAsync();
    await output.WriteLineAsync($"Load: signed POST /interactions at {string.Join(", ", rates)}/s for {load.SecondsPerRate} s each, to 1 then 2 Bot.dll replicas (http mode), then one replica stopped mid-run");
    problems.AddRange(await LoadBenchmark.RunAsync(load, settings, output));
}

if (Runs("burst"))
{
    await output.WriteLineAsync();
    await output.WriteLineAsync($"(a) INTERACTION_CREATE receipt -> callback POST sent, bursts of {burstSize} /recommend (bot in process, fake Discord on loopback)");
    var burst = await BurstBenchmark.RunAsync(burstSize, warmBursts, settings, output);
    problems.AddRange(burst.Problems);
    var sent = burst.WarmToCallbackSent;
    await output.WriteLineAsync($"  warm, all {warmBursts} bursts: receipt→callback sent     {sent}");
    await output.WriteLineAsync($"  warm, all {warmBursts} bursts: receipt→callback answered {burst.WarmToCallbackAnswered}");
    await output.WriteLineAsync($"  warm, all {warmBursts} bursts: receipt→reply sent        {burst.WarmToReplySent}  (the message itself: the callback, or the edit after a deferral)");
    await output.WriteLineAsync($"  warm p99 per burst: {string.Join(", ", burst.Warm.Select(b => b.ToCallbackSent.P99.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
    await output.WriteLineAsync($"  warm receipt→dispatch worker p50/p99 per burst: {string.Join(", ", burst.Warm.Select(b => $"{b.ToHandlerStart.P50:0.0}/{b.ToHandlerStart.P99:0.0}"))} ms");
    await output.WriteLineAsync($"  cold burst (first after READY): p50 {burst.Cold.ToCallbackSent.P50:0.0} ms, p99 {burst.Cold.ToCallbackSent.P99:0.0} ms");
    var all = burst.Warm.Append(burst.Cold).ToList();
    var deferred = all.Sum(b => b.Deferred);
    await output.WriteLineAsync(
        $"  initial responses: {deferred} deferred (type 5), {(all.Count * burstSize) - deferred} answered at once (type 4, {all.Sum(b => b.Ephemeral)} of them ephemeral errors)");
    summary.Add(Target("(a) burst receipt→callback sent, p99 (warm)", sent.P99, 50, "ms", $"p50 {sent.P50:0.0} ms; cold burst p99 {burst.Cold.ToCallbackSent.P99:0.0} ms"));
}

if (Runs("startup"))
{
    await output.WriteLineAsync();
    await output.WriteLineAsync($"(b) process start -> READY with commands checked, dotnet {Repository.BotDll}");
    var startup = await ProcessBenchmark.StartupAsync(startupRuns, settings, output);
    problems.AddRange(startup.Problems);
    await output.WriteLineAsync($"  {startup.Total}");
    var connected = Percentiles.Of(startup.Runs.Select(r => r.GatewayConnected));
    await output.WriteLineAsync($"  of which start -> gateway connected p50 {connected.P50:0} ms; READY -> commands checked p50 {Percentiles.Of(startup.Runs.Select(r => r.CommandsChecked - r.Ready)).P50:0} ms");
    summary.Add(Target("(b) start → READY + commands checked, max", startup.Total.Max, 2000, "ms", $"p50 {startup.Total.P50:0} ms over {startup.Total.Count} starts"));
}

if (Runs("memory"))
{
    await output.WriteLineAsync();
    await output.WriteLineAsync($"(c) resident memory of the idle connected bot, {idleSeconds} s after READY + commands checked");
    var memory = await ProcessBenchmark.IdleMemoryAsync(memoryRuns, TimeSpan.FromSeconds(idleSeconds), settings, output);
    problems.AddRange(memory.Problems);
    var worst = memory.Idle.Max(m => m.VmRssMb);
    summary.Add(Target("(c) idle VmRSS, max", worst, 150, "MB", $"over {memory.Idle.Count} runs; peak VmHWM {memory.Idle.Max(m => m.VmHwmMb):0.0} MB"));
}

if (Runs("micro"))
{
    await output.WriteLineAsync();
    await output.WriteLineAsync("Per-interaction CPU cost (BenchmarkDotNet, in process, short run)");
    var report = BenchmarkRunner.Run<InteractionPathBenchmarks>();
    foreach (var line in MicroLines(report))
    {
        await output.WriteLineAsync("  " + line);
    }
}

await output.WriteLineAsync();
await output.WriteLineAsync($"Summary (issue 3 section 6 targets); load average now {LoadAverage()}");
foreach (var line in summary)
{
    await output.WriteLineAsync("  " + line);
}

if (problems.Count > 0)
{
    await output.WriteLineAsync("PROBLEMS (the figures above are not trustworthy):");
    foreach (var problem in problems)
    {
        await output.WriteLineAsync("  " + problem);
    }

    return 1;
}

return 0;

static string Target(string what, double value, double target, string unit, string detail) =>
    $"{what}: {value:0.0} {unit} (target < {target:0} {unit}) {(value < target ? "met" : "MISSED")} - {detail}";

static IEnumerable<string> MicroLines(Summary summary) =>
    summary.Reports.Select(r =>
    {
        var mean = r.ResultStatistics is { } stats ? stats.Mean / 1000.0 : double.NaN;
        var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) is { } bytes ? bytes / 1024.0 : double.NaN;
        return $"{r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-32} {mean,9:0.0} µs/interaction  {allocated,8:0.0} KB allocated";
    });

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string CpuModel()
{
    const string File = "/proc/cpuinfo";
    return System.IO.File.Exists(File)
        ? System.IO.File.ReadLines(File).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";
}
