using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Application.Servers;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Tests.Support;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>/config, /club, the "Read it" button and free text under server settings, through the fake Discord.</summary>
public sealed class StudyGroupEndToEndTests
{
    private const ulong Ephemeral = 64;
    private const ulong Member = 53908232506183680;
    private const ulong StudyChannel = 111111111111111111;
    private const ulong ClubChannel = 645027906669510667;
    private const string MessagesRoute = "/channels/{channel_id}/messages";

    [Fact(Timeout = 90_000)]
    public async Task Config_is_for_managers_changes_apply_at_once_and_club_counts_readers()
    {
        await using var bot = await BotHarness.StartAsync();

        // Without Manage Server (send messages only), even a member who sees the command is refused, privately.
        var refused = BotHarness.SlashCommand(9001, "config", ("level", 3, "advanced"));
        refused["member"]!["permissions"] = "2048";
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", refused);
        var (_, refusal) = await bot.AnswerForAsync(9001);
        Assert.Equal(Ephemeral, refusal["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Contains(ServerText.NeedsManageServer, ReadAll(refusal), StringComparison.Ordinal);
        Assert.Null(await Servers(bot).FindConfigAsync(BotHarness.Guild, CancellationToken.None));

        // A bad value: what is accepted, and nothing written.
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(9002, "config", ("free-text-channels", 3, "general"), ("level", 3, "advanced")));
        var (_, bad) = await bot.AnswerForAsync(9002);
        Assert.Equal(Ephemeral, bad["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Contains("`free-text-channels`: 'general' is not accepted. Give channel mentions or ids", ReadAll(bad), StringComparison.Ordinal);
        Assert.Null(await Servers(bot).FindConfigAsync(BotHarness.Guild, CancellationToken.None));

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(
            9003,
            "config",
            ("free-text-channels", 3, $"<#{StudyChannel}>"),
            ("level", 3, "advanced"),
            ("channel-cooldown", 4, 30),
            ("club-channel", 7, ClubChannel.ToString(CultureInfo.InvariantCulture)),
            ("club-day", 3, "wednesday"),
            ("club-hour", 4, 18)));
        var (_, saved) = await bot.AnswerForAsync(9003);
        Assert.Equal(Ephemeral, saved["flags"]!.GetValue<ulong>() & Ephemeral);
        var savedText = ReadAll(saved);
        Assert.Contains(ServerText.SavedHeadline, savedText, StringComparison.Ordinal);
        Assert.Contains($"<#{StudyChannel}>", savedText, StringComparison.Ordinal);
        Assert.Contains($"Wednesdays at 18:00 UTC in <#{ClubChannel}>", savedText, StringComparison.Ordinal);
        var config = await Servers(bot).FindConfigAsync(BotHarness.Guild, CancellationToken.None);
        Assert.Equal([StudyChannel], config!.FreeTextChannelIds);
        Assert.Equal(("advanced", 30), (config.DefaultLevel, config.ChannelCooldownSeconds));

        // Free text in the channel just named is answered, at the server's level, without a restart.
        var question = FakeGatewayFixtures.Message(9010, "what should I read about consensus?");
        question["channel_id"] = StudyChannel.ToString(CultureInfo.InvariantCulture);
        question["guild_id"] = BotHarness.Guild.ToString(CultureInfo.InvariantCulture);
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", question);
        await bot.UntilAsync(() => RepliesTo(bot, 9010).Count == 1, "the free-text reply");
        var answer = JsonNode.Parse(RepliesTo(bot, 9010)[0].Body!)!;
        Assert.Contains("at advanced level", answer["content"]!.GetValue<string>(), StringComparison.Ordinal);

        // /club before any pick; then the week's post and its "Read it" button.
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(9020, "club"));
        var (_, empty) = await bot.AnswerForAsync(9020);
        Assert.Contains(ServerText.NoPicksYet, ReadAll(empty), StringComparison.Ordinal);

        var store = Servers(bot);
        await store.RecordClubPickAsync(BotHarness.Guild, "2026-W49", "raft-paper", ClubChannel, CancellationToken.None);
        await store.MarkClubPickPostedAsync(BotHarness.Guild, "2026-W49", 9030, CancellationToken.None);
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(9031, ClubCustomId.Encode("raft-paper")!, 9030, Member));
        var (_, read) = await bot.AnswerForAsync(9031);
        Assert.Equal(Ephemeral, read["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.StartsWith("Marked 'In Search of an Understandable Consensus Algorithm' read", ReadAll(read), StringComparison.Ordinal);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(9032, "club"));
        var (_, club) = await bot.AnswerForAsync(9032);
        Assert.Equal(Ephemeral, club["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Contains("2026-W49: In Search of an Understandable Consensus Algorithm — read by 1 of 1 member who keeps a list", ReadAll(club), StringComparison.Ordinal);

        await bot.AssertCleanAsync();
        var registered = bot.Rest.CommandsIn(BotHarness.Guild.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(32, registered.Single(c => (string)c!["name"]! == "config")!["default_member_permissions"]!.GetValue<long>());
    }

    private static IServerStore Servers(BotHarness bot) => bot.Host.Services.GetRequiredService<IServerStore>();

    private static List<FakeRestRequest> RepliesTo(BotHarness bot, ulong messageId) =>
        bot.Rest.RequestsTo("POST", MessagesRoute)
            .Where(r => JsonNode.Parse(r.Body!)!["message_reference"]?["message_id"]?.GetValue<string>() == messageId.ToString(CultureInfo.InvariantCulture))
            .ToList();

    private static string ReadAll(JsonNode message) =>
        string.Join('\n', new[] { message["content"]?.GetValue<string>() }
            .Concat(message["embeds"]?.AsArray().SelectMany(e => new[] { e!["description"]?.GetValue<string>() }
                .Concat(e["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>() + ": " + f["value"]!.GetValue<string>()) ?? [])) ?? []))
            .Trim();
}
