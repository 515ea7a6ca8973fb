using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Application;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>
/// The real host in http mode: Discord's signed POST /interactions over loopback, with a real Ed25519 key pair
/// made per test. Every response body is checked against the vendored OpenAPI spec like a REST callback.
/// </summary>
public sealed class HttpInteractionsTests : IAsyncLifetime
{
    private const string ApplicationId = "775799577604882432";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly HttpClient _client = new();
    private readonly StubAssistant _assistant = new();
    private BotHarness _bot = null!;
    private Uri _interactions = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(
            new()
            {
                ["Discord:Mode"] = "http",
                ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                ["Discord:ApplicationId"] = ApplicationId,
                ["Discord:DeferAfter"] = "00:00:00.100",
            },
            services => services.AddSingleton<IReadingAssistant>(_assistant),
            waitForReady: false);
        _base = await _bot.HttpAddressAsync();
        _interactions = new Uri(_base, "/interactions");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        _key.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_signed_ping_gets_a_pong()
    {
        var (status, body) = await PostAsync("""{"id":"1","application_id":"775799577604882432","type":1,"token":"tok","version":1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, JsonNode.Parse(body)!["type"]!.GetValue<int>());
        await AssertFitsSpecAsync(1, body);
        Assert.Empty(_bot.Rest.RequestsTo("POST", "/interactions/{interaction_id}/{interaction_token}/callback"));
    }

    public static TheoryData<string> Forgeries => ["tampered body", "tampered timestamp", "wrong key", "old timestamp", "missing signature", "garbage signature"];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Forgeries))]
    public async Task A_request_Discord_did_not_sign_just_now_gets_401(string forgery)
    {
        const string body = """{"id":"1","application_id":"775799577604882432","type":1,"token":"tok","version":1}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = (forgery == "old timestamp" ? now - 60 : now).ToString(CultureInfo.InvariantCulture);
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var signature = Sign(forgery == "wrong key" ? otherKey : _key, timestamp, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _interactions)
        {
            Content = new StringContent(forgery == "tampered body" ? body.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal) : body, Encoding.UTF8, "application/json"),
        };
        if (forgery != "missing signature")
        {
            request.Headers.Add("X-Signature-Ed25519", forgery == "garbage signature" ? "zz" + signature[2..] : signature);
        }

        request.Headers.Add("X-Signature-Timestamp", forgery == "tampered timestamp" ? (now + 1).ToString(CultureInfo.InvariantCulture) : timestamp);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid request signature", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Signed_malformed_json_gets_400_without_a_stack_trace()
    {
        var (status, body) = await PostAsync("""{"id": "1", "type": """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("malformed interaction", body);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_body_over_the_limit_gets_413_before_its_signature_is_checked()
    {
        var (status, _) = await PostAsync(new string(' ', 300 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_quick_command_is_answered_in_the_http_response_and_counted()
    {
        var (status, body) = await PostAsync(BotHarness.SlashCommand(7001, "topics").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Contains("Consensus", answer["data"]!.ToJsonString(), StringComparison.Ordinal);
        await AssertFitsSpecAsync(7001, body);
        Assert.Empty(_bot.CallbacksFor(7001));

        // The outcome is recorded when the handling completes, just after the response is written.
        await _bot.UntilAsync(() => ScrapeAsync().GetAwaiter().GetResult().Contains("command=\"topics\"", StringComparison.Ordinal), "the interaction metric");
        var metrics = await ScrapeAsync();
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("bot_interactions_total{", StringComparison.Ordinal)
            && line.Contains("command=\"topics\"", StringComparison.Ordinal) && line.Contains("outcome=\"answered\"", StringComparison.Ordinal));
        Assert.Contains("bot_interaction_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        await _bot.AssertCleanAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_command_that_writes_to_storage_is_counted_in_the_database_metrics()
    {
        var (status, _) = await PostAsync(BotHarness.SlashCommand(7002, "save", ("item", 3, "raft")).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        static bool Write(string line) => line.StartsWith("bot_db_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("operation=\"write\"", StringComparison.Ordinal) && line.Contains("outcome=\"ok\"", StringComparison.Ordinal);
        await _bot.UntilAsync(() => ScrapeAsync().GetAwaiter().GetResult().Split('\n').Any(Write), "the database metric");
        Assert.DoesNotContain("bot_db_errors_total{", await ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_slow_command_is_deferred_in_the_http_response_then_edited_by_rest()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;

        var (status, body) = await PostAsync(BotHarness.SlashCommand(7002, "recommend", ("topic", 3, "consensus")).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, JsonNode.Parse(body)!["type"]!.GetValue<int>());
        await AssertFitsSpecAsync(7002, body);
        Assert.Empty(_bot.EditsFor(7002));

        gate.Set();
        await _bot.UntilAsync(() => _bot.EditsFor(7002).Count == 1, "the edit of the deferred response");
        Assert.Contains("Reading on consensus", _bot.EditsFor(7002)[0].Body, StringComparison.Ordinal);
        Assert.Empty(_bot.CallbacksFor(7002));
        await _bot.UntilAsync(
            () => ScrapeAsync().GetAwaiter().GetResult().Split('\n').Any(line => line.StartsWith("bot_interaction_deferrals_total{", StringComparison.Ordinal)
                && line.Contains("command=\"recommend\"", StringComparison.Ordinal)),
            "the deferral metric");
        await _bot.AssertCleanAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_deferred_answer_is_still_edited_in_when_the_replica_is_stopped_meanwhile()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;
        var (status, body) = await PostAsync(BotHarness.SlashCommand(7003, "recommend", ("topic", 3, "consensus")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, JsonNode.Parse(body)!["type"]!.GetValue<int>());

        // SIGTERM: the host stops taking work and drains; the reply becomes ready only after that began. A stop that
        // arrives while the host is still starting (registering commands, slow on a loaded machine) cancels the start
        // instead, so the test stops a host that has finished starting, as a real SIGTERM after start-up would.
        var lifetime = _bot.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        await _bot.UntilAsync(() => lifetime.ApplicationStarted.IsCancellationRequested, "the host to finish starting");
        var tracker = _bot.Host.Services.GetRequiredService<Bot.DiscordAdapter.Hosting.WorkTracker>();
        var stopping = _bot.StopAsync();
        await _bot.UntilAsync(() => tracker.IsStopping, "the drain to begin");
        gate.Set();

        Assert.Equal(0, await stopping);
        Assert.Single(_bot.EditsFor(7003));
        Assert.Contains("Reading on consensus", _bot.EditsFor(7003)[0].Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Health_and_readiness_answer_in_http_mode()
    {
        using var alive = await _client.GetAsync(new Uri(_base, "/healthz"));
        using var ready = await _client.GetAsync(new Uri(_base, "/readyz"));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, _interactions) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Sign(_key, timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<string> ScrapeAsync() => _client.GetStringAsync(new Uri(_base, "/metrics"));

    private static string Sign(Key key, string timestamp, string body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();

    private static async Task AssertFitsSpecAsync(ulong id, string body)
    {
        var result = await OpenApiContract.ValidateAsync([OpenApiBody.ForRequest("POST", $"/interactions/{id}/{BotHarness.InteractionToken(id)}/callback", body)]);
        Assert.Equal(1, result.Checked);
        Assert.True(result.IsValid, result.ToString());
    }
}
