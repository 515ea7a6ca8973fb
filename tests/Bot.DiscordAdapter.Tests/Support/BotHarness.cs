using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Hosting;
using Bot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>
/// The real bot host (<see cref="DiscordBotHost"/>, as <c>dotnet run --project src/Bot</c> composes it) running
/// against the loopback fake Discord: REST via Discord:RestBaseUrl, gateway via GET /gateway/bot.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const string Token = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.e2eSecretPart_abcdefghijklmnopqrstuv";
    public const string SecretPart = "e2eSecretPart_abcdefghijklmnopqrstuv";
    public const ulong FreeTextChannel = 290926798999357250;
    public const ulong Guild = 290926798626357999;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();

    private BotHarness(FakeRestServer rest, FakeGateway gateway, string healthFile)
    {
        Rest = rest;
        Gateway = gateway;
        HealthFile = healthFile;
    }

    public FakeRestServer Rest { get; }

    public FakeGateway Gateway { get; }

    public string HealthFile { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public StringWriter Error { get; } = new();

    public IHost Host { get; private set; } = null!;

    public Task<int> Run { get; private set; } = null!;

    public static async Task<BotHarness> StartAsync(
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrides = null,
        Action<FakeRestServer>? prepareRest = null,
        Action<FakeGateway>? prepareGateway = null,
        bool waitForReady = true)
    {
        var rest = await FakeRestServer.StartAsync();
        prepareRest?.Invoke(rest);
        var gateway = await FakeGateway.StartAsync();
        prepareGateway?.Invoke(gateway);
        gateway.HeartbeatIntervalMilliseconds = 1000;
        rest.GatewayUrl = gateway.GatewayUrl.ToString();
        var harness = new BotHarness(rest, gateway, Path.Combine(Path.GetTempPath(), $"bot-healthy-{Guid.NewGuid():N}"));
        var configuration = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:RestBaseUrl"] = rest.BaseUrl.ToString(),
            ["Discord:ShardCount"] = "1",
            ["Discord:DevelopmentGuildId"] = Guild.ToString(CultureInfo.InvariantCulture),
            ["Discord:FreeTextChannelIds:0"] = FreeTextChannel.ToString(CultureInfo.InvariantCulture),
            ["Discord:HealthFile"] = harness.HealthFile,
            ["Discord:HealthInterval"] = "00:00:00.050",
            ["Discord:UserCooldown"] = "00:00:00",
            ["Discord:ChannelCooldown"] = "00:00:00",
            ["Discord:Rest:RetryBaseDelay"] = "00:00:00.010",
            ["Catalog:DataDirectory"] = RealAssistant.DataDirectory,
            // Health, metrics and (in http mode) interactions on a free loopback port, so tests run side by side.
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("bot-state-").FullName, "bot.db")}",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var builder = DiscordBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(harness.Logs);
        harness.Host = DiscordBotHost.Build(builder, overrides);
        harness.Run = DiscordBotHost.RunAsync(harness.Host, harness.Error, harness._stop.Token);
        if (!waitForReady)
        {
            return harness;
        }

        await harness.UntilAsync(() => harness.Host.Services.GetRequiredService<BotIdentity>().BotUserId is not null || harness.Run.IsCompleted, "READY");
        Assert.False(harness.Run.IsCompleted, harness.Error.ToString());
        return harness;
    }

    public static JsonObject SlashCommand(ulong id, string name, params (string Name, int Type, object Value)[] options)
    {
        var interaction = FakeGatewayFixtures.Interaction(id);
        var list = new JsonArray();
        foreach (var (optionName, type, value) in options)
        {
            list.Add(new JsonObject { ["type"] = type, ["name"] = optionName, ["value"] = JsonValue.Create(value) });
        }

        interaction["data"] = new JsonObject { ["type"] = 1, ["name"] = name, ["id"] = "771825006014889984", ["options"] = list };
        return interaction;
    }

    /// <summary>A button press (component interaction) on <paramref name="messageId"/> by <paramref name="userId"/>.</summary>
    public static JsonObject ButtonPress(ulong id, string customId, ulong messageId, ulong userId)
    {
        var interaction = FakeGatewayFixtures.Interaction(id);
        interaction["type"] = 3;
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        interaction["member"]!["user"]!["id"] = userId.ToString(CultureInfo.InvariantCulture);
        interaction["message"] = FakeGatewayFixtures.Message(messageId);
        return interaction;
    }

    public static JsonObject Autocomplete(ulong id, string command, string option, string typed)
    {
        var interaction = SlashCommand(id, command, (option, 3, typed));
        interaction["type"] = 4;
        interaction["data"]!["options"]![0]!["focused"] = true;
        return interaction;
    }

    public static string InteractionToken(ulong id) => $"A_UNIQUE_TOKEN_{id}";

    public IReadOnlyList<FakeRestRequest> CallbacksFor(ulong id) =>
        Rest.RequestsTo("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
            .Where(r => r.Path.StartsWith($"/interactions/{id}/", StringComparison.Ordinal))
            .ToList();

    public IReadOnlyList<FakeRestRequest> EditsFor(ulong id) =>
        Rest.RequestsTo("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
            .Where(r => r.Path.Contains("/" + InteractionToken(id) + "/", StringComparison.Ordinal))
            .ToList();

    /// <summary>The message the user ends up seeing: the type 4 callback's data, or the edit after a type 5 defer.</summary>
    public async Task<(int CallbackType, JsonNode Message)> AnswerForAsync(ulong id)
    {
        await UntilAsync(() => CallbacksFor(id).Count > 0, $"callback for {id}");
        var callback = JsonNode.Parse(CallbacksFor(id)[0].Body!)!;
        var type = callback["type"]!.GetValue<int>();
        if (type is 5 or 6)
        {
            await UntilAsync(() => EditsFor(id).Count > 0, $"edit of the original response for {id}");
            return (type, JsonNode.Parse(EditsFor(id)[0].Body!)!);
        }

        return (type, callback["data"]!);
    }

    /// <summary>The HTTP listener's address (health, metrics, interactions), once it listens.</summary>
    public async Task<Uri> HttpAddressAsync()
    {
        var listener = Host.Services.GetRequiredService<Bot.DiscordAdapter.Http.BotHttpListener>();
        await UntilAsync(() => listener.IsListening || Run.IsCompleted, "the HTTP listener");
        Assert.False(Run.IsCompleted, Error.ToString());
        return listener.Addresses[0];
    }

    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}. Errors: {Error}\nLogs:\n{Logs.AllText}");
            }

            await Task.Delay(10);
        }
    }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Every REST body the bot sent passes the OpenAPI contract, and no text it produced holds the token.</summary>
    public async Task AssertCleanAsync()
    {
        var contract = await OpenApiContract.ValidateAsync(Rest.Requests);
        Assert.True(contract.IsValid, contract.ToString());
        Assert.True(contract.Checked > 0);
        var text = Logs.AllText + Error;
        Assert.DoesNotContain(SecretPart, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await _stop.CancelAsync();
            await Run.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Host.Dispose();
        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
        _stop.Dispose();
        File.Delete(HealthFile);
    }
}
