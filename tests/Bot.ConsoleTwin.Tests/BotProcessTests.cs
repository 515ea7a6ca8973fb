using Bot.Testing;
using System.Diagnostics;
using System.Text.Json;

namespace Bot.ConsoleTwin.Tests;

/// <summary>Runs the real Bot executable as a user or script would.</summary>
public sealed class BotProcessTests
{
    private static Task<(int ExitCode, string Stdout, string Stderr)> RunBotAsync(string stdin, params string[] args) =>
        RunBotWithStateAsync(Path.Combine(Directory.CreateTempSubdirectory("bot-state-").FullName, "bot.db"), stdin, args);

    /// <summary>Runs the bot with its SQLite state in <paramref name="stateFile"/> (never the repository's state folder).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBotWithStateAsync(string stateFile, string stdin, params string[] args)
    {
        var botDll = Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(botDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DISCORD_TOKEN");
        start.Environment.Remove("Discord__Token");
        start.Environment.Remove("Discord__TokenFile");
        start.Environment["BOT_DATA_DIR"] = Path.Combine(Repository.Root, "data");
        start.Environment["Storage__Provider"] = "sqlite";
        start.Environment["Storage__ConnectionString"] = $"Data Source={stateFile}";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Ask_json_reads_lines_and_writes_one_object_each()
    {
        var (exitCode, stdout, stderr) = await RunBotAsync("/recommend consensus beginner\nthanks!\n/paper raft\n", "ask", "--json");
        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["recommend", "none", "paper"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("intent").GetString()));
    }

    [Fact]
    public async Task Ask_json_keeps_the_local_readers_list_within_a_run_and_across_runs()
    {
        var state = Path.Combine(Directory.CreateTempSubdirectory("bot-state-").FullName, "bot.db");
        var (exitCode, stdout, stderr) = await RunBotWithStateAsync(state, "/save raft\n/list\n/path consensus beginner\n", "ask", "--json");
        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["save", "list", "path"], lines.Select(l => l.GetProperty("intent").GetString()));
        var listed = lines[1].GetProperty("items").EnumerateArray().ToList();
        var raft = Assert.Single(listed, i => i.GetProperty("id").GetString() == "raft-paper");
        Assert.Equal("saved", raft.GetProperty("status").GetString());
        Assert.StartsWith("Consensus: 0 of ", lines[1].GetProperty("sections")[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        // The path is the catalog's consensus path in order, with the first unread step next up.
        var path = lines[2].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.True(path.IndexOf("raft-paper") < path.IndexOf("paxos-made-simple"), string.Join(", ", path));
        Assert.True(lines[2].GetProperty("items")[0].GetProperty("next_up").GetBoolean());

        // A second process sees the same list.
        (exitCode, stdout, stderr) = await RunBotWithStateAsync(state, "/read raft rating:5\n/list\n", "ask", "--json");
        Assert.True(exitCode == 0, stderr);
        var second = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var again = Assert.Single(second[1].GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "raft-paper");
        Assert.Equal("read", again.GetProperty("status").GetString());
        Assert.Equal(5, again.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Catalog_json_writes_the_whole_catalog()
    {
        var (exitCode, stdout, stderr) = await RunBotAsync(string.Empty, "catalog", "--json");
        Assert.True(exitCode == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var resources = document.RootElement.GetProperty("resources");
        Assert.True(resources.GetArrayLength() >= 300);
        Assert.Equal(JsonValueKind.String, resources[0].GetProperty("summary").ValueKind);
        Assert.True(document.RootElement.GetProperty("topics").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Interactive_console_answers_and_exits_at_end_of_input()
    {
        var (exitCode, stdout, _) = await RunBotAsync("/recommend consensus beginner\n");
        Assert.Equal(0, exitCode);
        Assert.Contains("1. ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_documents_the_commands()
    {
        var (exitCode, stdout, _) = await RunBotAsync(string.Empty, "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("ask", stdout, StringComparison.Ordinal);
        Assert.Contains("catalog", stdout, StringComparison.Ordinal);
        Assert.Contains("/recommend", stdout, StringComparison.Ordinal);
    }
}
