using System.Diagnostics;
using System.Globalization;
using Bot.Discord.Testing;

namespace Bot.Discord.Benchmarks;

/// <summary>Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c>, in kB.</summary>
internal sealed record MemoryStatus(long VmRssKb, long VmHwmKb, long RssAnonKb, long RssFileKb)
{
    public double VmRssMb => VmRssKb / 1024.0;

    public double VmHwmMb => VmHwmKb / 1024.0;

    public static MemoryStatus Read(int pid)
    {
        var fields = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);
        long Kb(string name) => fields.TryGetValue(name, out var value) && value.EndsWith(" kB", StringComparison.Ordinal)
            ? long.Parse(value[..^3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        return new MemoryStatus(Kb("VmRSS"), Kb("VmHWM"), Kb("RssAnon"), Kb("RssFile"));
    }
}

/// <summary>
/// <c>dotnet Bot.dll</c> started as an operator would, with a fake well-formed token and the gateway and REST
/// overrides pointing at the loopback fake Discord. Every output line is kept with the Stopwatch timestamp at which
/// it was read; Stopwatch timestamps are CLOCK_MONOTONIC, so they compare with the fake's and across processes.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly List<(long Timestamp, string Line)> _lines = [];

    // Released once per output line, so a waiter wakes when there is something new to read.
    private readonly SemaphoreSlim _appended = new(0);
    private readonly string _healthFile;

    private BotProcess(Process process, long started, string healthFile)
    {
        Process = process;
        Started = started;
        _healthFile = healthFile;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
    }

    public Process Process { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long Started { get; }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines.Select(l => l.Line));
            }
        }
    }

    /// <param name="rest">The fake REST API.</param>
    /// <param name="gateway">The fake gateway.</param>
    /// <param name="settings">Extra configuration keys (<c>Discord:DeferAfter</c>), passed as environment variables.</param>
    public static BotProcess Start(FakeRestServer rest, FakeGateway gateway, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(gateway);
        var botDll = Repository.BotDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
        };
        start.ArgumentList.Add(botDll);
        foreach (var name in start.Environment.Keys.Where(IsInheritedSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        var healthFile = Path.Combine(Path.GetTempPath(), $"bot-bench-healthy-{Guid.NewGuid():N}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DISCORD_TOKEN"] = FakeDiscordToken.Value;
        start.Environment["Discord__RestBaseUrl"] = rest.BaseUrl.ToString();
        start.Environment["Discord__GatewayUrl"] = gateway.GatewayUrl.ToString();
        start.Environment["Discord__ShardCount"] = "1";
        start.Environment["Discord__HealthFile"] = healthFile;
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(botDll)!, "data")))
        {
            start.Environment["Catalog__DataDirectory"] = Repository.DataDirectory;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        return new BotProcess(process, started, healthFile);
    }

    /// <summary>Timestamp of the first output line containing <paramref name="text"/>.</summary>
    public async Task<long> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        using var exited = new CancellationTokenSource();
        var exit = Process.WaitForExitAsync(exited.Token);
        try
        {
            while (true)
            {
                lock (_lines)
                {
                    foreach (var (timestamp, line) in _lines)
                    {
                        if (line.Contains(text, StringComparison.Ordinal))
                        {
                            return timestamp;
                        }
                    }
                }

                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (exit.IsCompleted)
                {
                    throw new InvalidOperationException($"The bot exited ({Process.ExitCode}) before printing '{text}':{Environment.NewLine}{Output}");
                }

                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"The bot did not print '{text}' within {timeout.TotalSeconds} s:{Environment.NewLine}{Output}");
                }

                // The next line, the process's exit or the deadline, whichever comes first.
                await Task.WhenAny(_appended.WaitAsync(left), exit);
            }
        }
        finally
        {
            await exited.CancelAsync();
        }
    }

    public bool HasLine(string text)
    {
        lock (_lines)
        {
            return _lines.Any(l => l.Line.Contains(text, StringComparison.Ordinal));
        }
    }

    public MemoryStatus ReadMemory() => MemoryStatus.Read(Process.Id);

    /// <summary>SIGTERM, as Docker and systemd stop the bot; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!Process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await Process.WaitForExitAsync(wait.Token);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit(5000);
        }

        Process.Dispose();
        _appended.Dispose();
        File.Delete(_healthFile);
    }

    private static bool IsInheritedSetting(string name) =>
        name.StartsWith("Discord", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Catalog__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)
        || name is "BOT_DATA_DIR" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_ENVIRONMENT";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        var timestamp = Stopwatch.GetTimestamp();
        lock (_lines)
        {
            _lines.Add((timestamp, line));
        }

        _appended.Release();
    }
}
