using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Application;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Bot.DiscordAdapter.Tests.Support;
using Bot.Host.Scaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace Bot.DiscordAdapter.Tests.Scaling;

/// <summary>
/// Two real hosts in http mode sharing one database (PostgreSQL under CI, see <see cref="SharedDatabase"/>), as two
/// replicas behind a load balancer: each interaction is answered exactly once whichever replicas it reaches, and
/// paging started on one continues on the other.
/// </summary>
public sealed class ReplicaStateTests : IAsyncLifetime
{
    private const string ApplicationId = "775799577604882432";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly HttpClient _client = new();
    private SharedDatabase _database = null!;
    private BotHarness _replicaA = null!;
    private BotHarness _replicaB = null!;

    public async Task InitializeAsync()
    {
        _database = await SharedDatabase.CreateAsync();
        _replicaA = await StartReplicaAsync();
        _replicaB = await StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
        await _database.DisposeAsync();
        _key.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_same_interaction_sent_to_both_replicas_at_once_is_answered_exactly_once()
    {
        var a = await InteractionsUriAsync(_replicaA);
        var b = await InteractionsUriAsync(_replicaB);
        var ids = Enumerable.Range(0, 20).Select(i => 8000UL + (ulong)i).ToArray();

        var results = await Task.WhenAll(ids.Select(async id =>
        {
            var body = BotHarness.SlashCommand(id, "topics").ToJsonString();
            return (Id: id, Answers: await Task.WhenAll(PostAsync(a, body), PostAsync(b, body)));
        }));

        foreach (var (id, answers) in results)
        {
            var answer = Assert.Single(answers, r => r.Status == HttpStatusCode.OK);
            Assert.Single(answers, r => r.Status == HttpStatusCode.Conflict);

            // Answered in the response (4), or deferred there (5, a burst on two cores) and edited in once by REST.
            var type = JsonNode.Parse(answer.Body)!["type"]!.GetValue<int>();
            Assert.Contains(type, new[] { 4, 5 });
            var expectedEdits = type == 5 ? 1 : 0;
            await _replicaA.UntilAsync(() => _replicaA.EditsFor(id).Count + _replicaB.EditsFor(id).Count >= expectedEdits, $"the edit of {id}");
            Assert.Equal(expectedEdits, _replicaA.EditsFor(id).Count + _replicaB.EditsFor(id).Count);
        }

        Assert.Empty(_replicaA.Rest.RequestsTo("POST", "/interactions/{interaction_id}/{interaction_token}/callback"));
        Assert.Empty(_replicaB.Rest.RequestsTo("POST", "/interactions/{interaction_id}/{interaction_token}/callback"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_more_button_from_one_replica_pages_on_the_other()
    {
        var recommend = BotHarness.SlashCommand(8100, "recommend", ("topic", 3, "consensus")).ToJsonString();
        var (status, body) = await PostAsync(await InteractionsUriAsync(_replicaA), recommend);
        Assert.Equal(HttpStatusCode.OK, status);
        // The More button sits in whichever row comes last (the readers' Save / Read / Feedback rows come first).
        var customId = JsonNode.Parse(body)!["data"]!["components"]!.AsArray()
            .SelectMany(row => row!["components"]!.AsArray())
            .Select(c => c!["custom_id"]?.GetValue<string>()).Single(id => id?.StartsWith(PagingCustomId.Prefix, StringComparison.Ordinal) == true)!;

        var press = BotHarness.SlashCommand(8101, "recommend");
        press["type"] = 3;
        press["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        // The message the button is on: a snowflake from now, so the paging lifetime has not run out.
        var messageId = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1420070400000) << 22;
        press["message"] = new JsonObject
        {
            ["id"] = messageId.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = "290926798999357250",
            ["content"] = "",
            ["type"] = 0,
            ["author"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "bot", ["bot"] = true },
        };

        var (pageStatus, page) = await PostAsync(await InteractionsUriAsync(_replicaB), press.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Equal(7, JsonNode.Parse(page)!["type"]!.GetValue<int>());
        Assert.Contains("Reading on consensus", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_cooldowns_in_the_database_hold_across_replicas()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 8, 6, 12, 0, 0, TimeSpan.Zero));
        await using var database = await SharedDatabase.CreateAsync(time);
        var cooldown = new FreeTextCooldown(User: TimeSpan.FromSeconds(10), Channel: TimeSpan.FromSeconds(3));
        IFreeTextCooldowns replicaA = new StoredCooldowns(database.Replicas, NullLogger<StoredCooldowns>.Instance);
        IFreeTextCooldowns replicaB = new StoredCooldowns(database.Replicas, NullLogger<StoredCooldowns>.Instance);

        Assert.True(await replicaA.TryAcquireAsync(1, 100, cooldown, CancellationToken.None));
        Assert.True(await replicaB.IsCoolingDownAsync(1, 200, cooldown, CancellationToken.None));
        Assert.False(await replicaB.TryAcquireAsync(2, 100, cooldown, CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await replicaB.TryAcquireAsync(2, 100, cooldown, CancellationToken.None));
        Assert.False(await replicaA.TryAcquireAsync(1, 300, cooldown, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("postgres", null, true)]
    [InlineData("sqlite", "database", true)]
    [InlineData("postgres", "memory", false)]
    public void Shared_state_moves_to_the_database_with_postgres_unless_told_otherwise(string? provider, string? replicaState, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Discord:ReplicaState"] = replicaState,
        }).Build();

        Assert.Equal(expected, ReplicaStateServiceCollectionExtensions.UsesDatabase(configuration));
    }

    private Task<BotHarness> StartReplicaAsync() =>
        BotHarness.StartAsync(
            new()
            {
                ["Discord:Mode"] = "http",
                ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                ["Discord:ApplicationId"] = ApplicationId,
                ["Discord:ReplicaState"] = "database",
                ["Storage:Provider"] = _database.Provider,
                ["Storage:ConnectionString"] = _database.ConnectionString,
            },
            services => services.AddSingleton<IReadingAssistant>(new StubAssistant()),
            waitForReady: false);

    private static async Task<Uri> InteractionsUriAsync(BotHarness replica) => new(await replica.HttpAddressAsync(), "/interactions");

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(Uri uri, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
