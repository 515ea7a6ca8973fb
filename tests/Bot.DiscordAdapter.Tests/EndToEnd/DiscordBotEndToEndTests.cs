using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Application;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>The real bot host against the loopback fake Discord (gateway + REST), end to end.</summary>
public sealed class DiscordBotEndToEndTests
{
    private const string MessagesRoute = "/channels/{channel_id}/messages";

    [Fact(Timeout = 90_000)]
    public async Task Slash_commands_autocomplete_and_free_text_are_answered_within_the_contract()
    {
        await using var bot = await BotHarness.StartAsync();

        var identify = await bot.Gateway.Connections[0].WaitForOpAsync(2, BotHarness.Patience);
        Assert.Equal(1 | 512 | 4096 | 32768, identify.Data!["intents"]!.GetValue<int>());
        Assert.Equal(BotHarness.Token, identify.Data["token"]!.GetValue<string>());
        await bot.UntilAsync(() => bot.Rest.RequestsTo("PUT", "/applications/{application_id}/guilds/{guild_id}/commands").Count == 1, "command registration");

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(3001, "recommend", ("topic", 3, "consensus"), ("level", 3, "beginner")));
        var (type, recommend) = await bot.AnswerForAsync(3001);
        Assert.Contains(type, new[] { 4, 5 });
        Assert.Equal(5, recommend["embeds"]!.AsArray().Count);
        Assert.Empty(recommend["allowed_mentions"]!["parse"]!.AsArray());
        Assert.False(recommend["allowed_mentions"]!["replied_user"]!.GetValue<bool>());
        Assert.All(recommend["embeds"]!.AsArray(), e => Assert.StartsWith("http", e!["url"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.StartsWith("more1:53908232506183680:5:5:beginner::", recommend["components"]!.AsArray()[^1]!["components"]![0]!["custom_id"]!.GetValue<string>(), StringComparison.Ordinal);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(3002, "paper", ("query", 3, "raft")));
        var (_, paper) = await bot.AnswerForAsync(3002);
        Assert.Equal("In Search of an Understandable Consensus Algorithm", paper["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains(paper["embeds"]![0]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Read first");

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(3003, "recommend", ("topic", 3, "consensus"), ("level", 3, "banana")));
        var (_, error) = await bot.AnswerForAsync(3003);
        Assert.Equal(64, error["flags"]!.GetValue<int>());

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.Autocomplete(3004, "recommend", "topic", "cons"));
        await bot.UntilAsync(() => bot.CallbacksFor(3004).Count == 1, "autocomplete");
        var autocomplete = JsonNode.Parse(bot.CallbacksFor(3004)[0].Body!)!;
        Assert.Equal(8, autocomplete["type"]!.GetValue<int>());
        var choices = autocomplete["data"]!["choices"]!.AsArray();
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "consensus");

        var question = FakeGatewayFixtures.Message(3101, "I'm new to distributed systems, what should I read about consensus?");
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", question);
        await bot.UntilAsync(() => bot.Rest.RequestsTo("POST", MessagesRoute).Count == 1, "free-text reply");
        var reply = bot.Rest.RequestsTo("POST", MessagesRoute)[0];
        Assert.Equal($"/channels/{BotHarness.FreeTextChannel}/messages", reply.Path);
        var replyBody = JsonNode.Parse(reply.Body!)!;
        Assert.Equal("3101", replyBody["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Empty(replyBody["allowed_mentions"]!["parse"]!.AsArray());
        Assert.False(replyBody["allowed_mentions"]!["replied_user"]!.GetValue<bool>());
        Assert.NotEmpty(replyBody["embeds"]!.AsArray());

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(3102, "haha nice, see you all tomorrow"));
        await bot.UntilAsync(() => bot.Logs.Entries.Any(e => e.EventId.Id == 3302 && e.Message.Contains("3102", StringComparison.Ordinal)), "chatter to be judged");
        Assert.Single(bot.Rest.RequestsTo("POST", MessagesRoute));

        await bot.UntilAsync(() => File.Exists(bot.HealthFile), "the health file");
        Assert.Equal(0, await bot.StopAsync());
        Assert.Equal(1000, bot.Gateway.Connections[^1].ClientCloseCode);
        Assert.False(File.Exists(bot.HealthFile));
        await bot.AssertCleanAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_duplicate_interaction_replayed_after_resume_is_answered_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = bot.Gateway.Connections[0];
        var sequence = await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(4001, "topics"));
        await bot.AnswerForAsync(4001);

        bot.Gateway.ReplayAfterSequenceOverride = sequence - 1;
        first.Drop();
        var resumed = await bot.Gateway.WaitForConnectionAsync(1, BotHarness.Patience);
        var resume = await resumed.WaitForOpAsync(6, BotHarness.Patience);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(sequence, resume.Data!["seq"]!.GetValue<long>());

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(4002, "help"));
        await bot.AnswerForAsync(4002);
        await bot.UntilAsync(
            () => bot.Logs.Entries.Any(e => e.Message.Contains("duplicate INTERACTION_CREATE 4001 dropped", StringComparison.Ordinal)),
            "the replayed 4001 to be dropped");

        // A stopped bot has finished all its work, so no late second answer can follow.
        Assert.Equal(0, await bot.StopAsync());
        Assert.True(bot.CallbacksFor(4001).Count == 1, bot.Logs.AllText);
        Assert.Single(bot.CallbacksFor(4002));
        await bot.AssertCleanAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task No_interaction_is_lost_or_answered_twice_across_a_dropped_connection()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(5001, "help"));
        await bot.AnswerForAsync(5001);

        // Two events the bot never receives are in the session's history before the connection drops, so the
        // resume must replay them however quickly the bot reconnects.
        var first = bot.Gateway.Connections[0];
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(5002, "topics"), deliver: false);
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(5003, "recommend", ("topic", 3, "replication"), ("level", 3, "intermediate")), deliver: false);
        first.Drop();
        await first.WaitForCompletionAsync(BotHarness.Patience);

        var (_, missed) = await bot.AnswerForAsync(5003);
        await bot.AnswerForAsync(5002);
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(5004, "help"));
        await bot.AnswerForAsync(5004);

        // A stopped bot has finished all its work, so no late second answer can follow.
        Assert.Equal(0, await bot.StopAsync());

        Assert.NotEmpty(missed["embeds"]!.AsArray());
        foreach (var id in new ulong[] { 5001, 5002, 5003, 5004 })
        {
            Assert.Single(bot.CallbacksFor(id));
        }

        // Every later connection resumed the session: none identified again. On a starved CI machine a late
        // heartbeat ACK can add a (correct) zombie resume, so the number of connections is not fixed.
        Assert.True(bot.Gateway.Connections.Count >= 2);
        Assert.All(bot.Gateway.Connections.Skip(1), connection => Assert.Empty(connection.ReceivedOp(2)));
        await bot.AssertCleanAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Commands_already_registered_as_wanted_are_not_written_again()
    {
        const string guildCommands = "/applications/{application_id}/guilds/{guild_id}/commands";
        await using var bot = await BotHarness.StartAsync(
            new() { ["Discord:ApplicationId"] = "775799577604522054" },
            prepareRest: rest =>
            {
                var stored = rest.CommandsIn(BotHarness.Guild.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var command in JsonSerializer.SerializeToNode(BotCommands.All, DiscordJson.Options)!.AsArray())
                {
                    var copy = command!.DeepClone().AsObject();
                    copy["id"] = "1100000000000000001";
                    copy["version"] = "1100000000000000002";
                    copy["application_id"] = "775799577604522054";
                    stored.Add(copy);
                }
            });

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(7001, "help"));
        await bot.AnswerForAsync(7001);

        Assert.Single(bot.Rest.RequestsTo("GET", guildCommands));
        Assert.Empty(bot.Rest.RequestsTo("PUT", guildCommands));
        Assert.True(bot.Rest.RequestsTo("GET", guildCommands)[0].Sequence < bot.Rest.RequestsTo("GET", "/gateway/bot")[0].Sequence + 2);
        await bot.AssertCleanAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Shutdown_finishes_an_interaction_in_flight_then_closes_the_gateway_with_1000()
    {
        using var gate = new ManualResetEventSlim(false);
        var assistant = new StubAssistant { Gate = gate };
        await using var bot = await BotHarness.StartAsync(
            new() { ["Discord:DeferAfter"] = "00:00:00.200" },
            services => services.AddSingleton<IReadingAssistant>(assistant));

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(6001, "recommend", ("topic", 3, "consensus"), ("level", 3, "beginner")));
        await bot.UntilAsync(() => bot.CallbacksFor(6001).Count == 1, "the deferral");
        Assert.Equal(5, JsonNode.Parse(bot.CallbacksFor(6001)[0].Body!)!["type"]!.GetValue<int>());

        var stopping = bot.StopAsync();
        await bot.UntilAsync(() => bot.Logs.Entries.Any(e => e.EventId.Id == 3802), "shutdown to wait for the interaction in flight");
        Assert.False(stopping.IsCompleted);
        Assert.DoesNotContain(bot.Gateway.Connections, c => c.ClientCloseCode == 1000);
        gate.Set();

        Assert.Equal(0, await stopping);
        Assert.Single(bot.EditsFor(6001));

        // Under load a late heartbeat ACK can add a (correct) zombie resume, so the last connection is the one closed.
        Assert.Equal(1000, bot.Gateway.Connections[^1].ClientCloseCode);
        await bot.AssertCleanAsync();
    }

    [Theory(Timeout = 90_000)]
    [InlineData(4004, "the bot token was rejected")]
    [InlineData(4014, "MESSAGE_CONTENT is privileged")]
    public async Task A_fatal_gateway_close_stops_the_bot_with_exit_code_1_and_the_reason(int closeCode, string reason)
    {
        await using var bot = await BotHarness.StartAsync(
            prepareGateway: gateway => gateway.OnIdentify = (connection, _) => connection.CloseAsync(closeCode, "fatal"),
            waitForReady: false);

        var exit = await bot.Run.WaitAsync(BotHarness.Patience);

        Assert.Equal(1, exit);
        var error = bot.Error.ToString();
        Assert.Contains(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Single(bot.Gateway.Connections);
        Assert.DoesNotContain(BotHarness.SecretPart, error + bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_rejected_token_at_start_stops_the_bot_with_exit_code_1()
    {
        await using var bot = await BotHarness.StartAsync(
            prepareRest: rest => rest.Enqueue("GET", "/gateway/bot", FakeRestResponse.Unauthorized()),
            waitForReady: false);

        var exit = await bot.Run.WaitAsync(BotHarness.Patience);

        Assert.Equal(1, exit);
        Assert.Contains("401", bot.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(bot.Gateway.Connections);
        Assert.DoesNotContain(BotHarness.SecretPart, bot.Error + bot.Logs.AllText, StringComparison.Ordinal);
    }
}
