using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Tests.Support;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>The Bot executable itself, started as an operator would, against the loopback fake Discord.</summary>
public sealed class BotProcessTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_process_runs_the_discord_bot_when_a_token_is_set_answers_and_stops_cleanly_on_sigterm()
    {
        await using var rest = await FakeRestServer.StartAsync();
        await using var gateway = await FakeGateway.StartAsync();
        rest.GatewayUrl = gateway.GatewayUrl.ToString();
        using var bot = StartBot(new Dictionary<string, string>
        {
            ["DISCORD_TOKEN"] = BotHarness.Token,
            ["Discord__RestBaseUrl"] = rest.BaseUrl.ToString(),
            ["Discord__ShardCount"] = "1",
            ["Discord__HealthFile"] = Path.Combine(Path.GetTempPath(), $"bot-healthy-{Guid.NewGuid():N}"),
            ["Logging__LogLevel__Default"] = "Debug",
        });

        await FakeWait(() => rest.RequestsTo("PUT", "/applications/{application_id}/commands").Count == 1, bot, "global command registration after READY");
        await gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(8001, "recommend", ("topic", 3, "consensus"), ("level", 3, "beginner")));
        await FakeWait(() => rest.Requests.Any(r => r.Path.StartsWith("/interactions/8001/", StringComparison.Ordinal)), bot, "the callback");

        using (var kill = Process.Start("kill", ["-TERM", bot.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bot.Process.WaitForExitAsync(timeout.Token);
        var output = bot.Output;
        Assert.True(bot.Process.ExitCode == 0, output);
        Assert.Equal(1000, gateway.Connections[^1].ClientCloseCode);
        Assert.Contains("READY", output, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.SecretPart, output, StringComparison.Ordinal);
        var contract = await OpenApiContract.ValidateAsync(rest.Requests);
        Assert.True(contract.IsValid, contract.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_malformed_token_stops_the_process_with_a_clear_message_and_never_prints_it()
    {
        const string secret = "ThisIsTheSecretValueNobodyMaySee.only-two-parts";
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "  " + secret + "\n");
        try
        {
            using var bot = StartBot(new Dictionary<string, string> { ["Discord__TokenFile"] = file, ["Discord__FreeTextChannelIds__0"] = "general" });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await bot.Process.WaitForExitAsync(timeout.Token);
            var output = bot.Output;

            Assert.Equal(1, bot.Process.ExitCode);
            Assert.Contains("The Discord token (from Discord:TokenFile) is malformed", output, StringComparison.Ordinal);
            Assert.Contains("Discord:FreeTextChannelIds contains 'general'", output, StringComparison.Ordinal);
            Assert.DoesNotContain("SecretValue", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task FakeWait(Func<bool> condition, RunningBot bot, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (!condition())
        {
            Assert.False(bot.Process.HasExited, $"the bot exited while waiting for {what}:\n{bot.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}:\n{bot.Output}");
            await Task.Delay(20);
        }
    }

    private static RunningBot StartBot(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.dll"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Discord", StringComparison.OrdinalIgnoreCase) || k == "DISCORD_TOKEN").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Catalog__DataDirectory"] = RealAssistant.DataDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningBot(Process.Start(start)!);
    }

    private sealed class RunningBot : IDisposable
    {
        private readonly StringBuilder _output = new();

        public RunningBot(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
