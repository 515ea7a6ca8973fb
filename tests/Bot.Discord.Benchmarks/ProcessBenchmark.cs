using System.Diagnostics;
using Bot.Discord.Testing;

namespace Bot.Discord.Benchmarks;

/// <summary>One start of the bot process, as Stopwatch milliseconds from just before <c>Process.Start</c>.</summary>
internal sealed record StartupRun(double GatewayConnected, double IdentifySent, double Ready, double CommandsChecked, bool Registered);

internal sealed record StartupReport(StartupRun FirstStart, IReadOnlyList<StartupRun> Runs, Percentiles Total, IReadOnlyList<string> Problems);

internal sealed record MemoryReport(IReadOnlyList<MemoryStatus> Idle, IReadOnlyList<string> Problems);

/// <summary>
/// Start-up and idle memory of the real Bot.dll in a child process, against the loopback fake Discord (started once,
/// in this process). "READY with commands checked" is the later of the bot's log lines for READY and for the
/// registration outcome, which the bot prints after comparing Discord's commands (GET) with its own.
/// </summary>
internal static class ProcessBenchmark
{
    private const string ReadyLine = "READY as user";
    private const string UpToDateLine = "Slash commands up to date";
    private const string RegisteredLine = "Slash commands registered";
    private const string GlobalCommands = "/applications/{application_id}/commands";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<StartupReport> StartupAsync(int runs, IReadOnlyDictionary<string, string> settings, TextWriter output)
    {
        await using var rest = await FakeRestServer.StartAsync();
        await using var gateway = await FakeGateway.StartAsync();
        rest.GatewayUrl = gateway.GatewayUrl.ToString();
        var problems = new List<string>();

        // The first start on a fresh fake finds no commands and writes them (bulk PUT); it also warms the page cache.
        var first = await StartOnceAsync(rest, gateway, settings, expectRegistration: true, problems);
        await output.WriteLineAsync($"  first start (registers, PUT) {first.CommandsChecked:0} ms");
        var measured = new List<StartupRun>();
        for (var i = 1; i <= runs; i++)
        {
            var run = await StartOnceAsync(rest, gateway, settings, expectRegistration: false, problems);
            measured.Add(run);
            await output.WriteLineAsync(
                $"  run {i,2}: gateway connected {run.GatewayConnected,5:0} ms  identify {run.IdentifySent,5:0} ms  READY {run.Ready,5:0} ms  commands checked {run.CommandsChecked,5:0} ms");
        }

        return new StartupReport(first, measured, Percentiles.Of(measured.Select(r => r.CommandsChecked)), problems);
    }

    public static async Task<MemoryReport> IdleMemoryAsync(int runs, TimeSpan idle, IReadOnlyDictionary<string, string> settings, TextWriter output)
    {
        await using var rest = await FakeRestServer.StartAsync();
        await using var gateway = await FakeGateway.StartAsync();
        rest.GatewayUrl = gateway.GatewayUrl.ToString();
        var problems = new List<string>();
        var samples = new List<MemoryStatus>();
        for (var i = 1; i <= runs; i++)
        {
            using var bot = BotProcess.Start(rest, gateway, settings);
            await bot.WaitForLineAsync(ReadyLine, Patience);
            await bot.WaitForLineAsync(i == 1 ? RegisteredLine : UpToDateLine, Patience);
            var trace = new List<double>();
            var deadline = Stopwatch.GetTimestamp() + (long)(idle.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                trace.Add(bot.ReadMemory().VmRssMb);
            }

            var status = bot.ReadMemory();
            samples.Add(status);
            await output.WriteLineAsync(
                $"  run {i}: VmRSS {status.VmRssMb:0.0} MB after {idle.TotalSeconds:0} s idle (RssAnon {status.RssAnonKb / 1024.0:0.0} MB, RssFile {status.RssFileKb / 1024.0:0.0} MB, peak VmHWM {status.VmHwmMb:0.0} MB); per second: {string.Join(", ", trace.Select(t => t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
            await StopAsync(bot, problems);
        }

        return new MemoryReport(samples, problems);
    }

    private static async Task<StartupRun> StartOnceAsync(
        FakeRestServer rest, FakeGateway gateway, IReadOnlyDictionary<string, string> settings, bool expectRegistration, List<string> problems)
    {
        var connectionIndex = gateway.Connections.Count;
        var gets = rest.RequestsTo("GET", GlobalCommands).Count;
        var puts = rest.RequestsTo("PUT", GlobalCommands).Count;
        using var bot = BotProcess.Start(rest, gateway, settings);
        var ready = await bot.WaitForLineAsync(ReadyLine, Patience);
        var checkedAt = await bot.WaitForLineAsync(expectRegistration ? RegisteredLine : UpToDateLine, Patience);
        var connection = gateway.Connections[connectionIndex];
        var identify = await connection.WaitForOpAsync(2, Patience);
        if (rest.RequestsTo("GET", GlobalCommands).Count != gets + 1 || rest.RequestsTo("PUT", GlobalCommands).Count != puts + (expectRegistration ? 1 : 0))
        {
            problems.Add($"start {connectionIndex}: expected one GET of the commands and {(expectRegistration ? "one PUT" : "no PUT")}");
        }

        await StopAsync(bot, problems);
        double Since(long timestamp) => (timestamp - bot.Started) * 1000.0 / Stopwatch.Frequency;
        return new StartupRun(
            Since(connection.HelloSentTimestamp), Since(identify.ReceivedTimestamp), Since(ready), Since(Math.Max(ready, checkedAt)), expectRegistration);
    }

    private static async Task StopAsync(BotProcess bot, List<string> problems)
    {
        var exitCode = await bot.TerminateAsync(TimeSpan.FromSeconds(30));
        if (exitCode != 0)
        {
            problems.Add($"the bot exited with {exitCode} on SIGTERM:{Environment.NewLine}{bot.Output}");
        }
    }
}
