using System.Text.Json.Nodes;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Tests.Support;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>The reader buttons and commands through the loopback fake Discord (every body checked against the spec).</summary>
public sealed class ReaderButtonsEndToEndTests
{
    private const ulong Asker = 53908232506183680;
    private const ulong Stranger = 80351110224678912;
    private const ulong Ephemeral = 64;

    [Fact]
    public async Task Save_button_answers_its_reader_privately_and_refuses_anyone_else()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(7001, "recommend", ("topic", 3, "consensus"), ("level", 3, "beginner")));
        var (_, page) = await bot.AnswerForAsync(7001);
        var rows = page["components"]!.AsArray();
        var save = rows[0]!["components"]![0]!;
        Assert.Equal("Save 1", save["label"]!.GetValue<string>());
        var customId = save["custom_id"]!.GetValue<string>();
        Assert.True(ReaderCustomId.TryDecode(customId, out var decoded));
        var firstItem = decoded.ItemId;
        Assert.Equal(["Feedback 1", "Feedback 2", "Feedback 3", "Feedback 4", "Feedback 5"], rows[2]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()));

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(7002, customId, 7001, Stranger));
        var (strangerType, refused) = await bot.AnswerForAsync(7002);
        Assert.Equal(4, strangerType);
        Assert.Equal(Ephemeral, refused["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Equal(ButtonText.NotYours, refused["content"]!.GetValue<string>());

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(7003, customId, 7001, Asker));
        var (_, saved) = await bot.AnswerForAsync(7003);
        Assert.Equal(Ephemeral, saved["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.StartsWith("Saved '", ReadAll(saved), StringComparison.Ordinal);

        // The saved item is on the asker's list, shown only to them.
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(7004, "list"));
        var (_, list) = await bot.AnswerForAsync(7004);
        Assert.Equal(Ephemeral, list["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Contains("1 saved", ReadAll(list), StringComparison.Ordinal);

        // Feedback: the item's four choices, privately; a vote is recorded once.
        var feedbackId = rows[2]!["components"]![0]!["custom_id"]!.GetValue<string>();
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(7005, feedbackId, 7001, Asker));
        var (_, prompt) = await bot.AnswerForAsync(7005);
        var choices = prompt["components"]![0]!["components"]!.AsArray();
        Assert.Equal(["Useful", "Too easy", "Too hard", "Not for me"], choices.Select(b => b!["label"]!.GetValue<string>()));
        var tooEasy = choices[1]!["custom_id"]!.GetValue<string>();
        Assert.True(ReaderCustomId.TryDecode(tooEasy, out var vote));
        Assert.Equal((firstItem, 1, 1), (vote.ItemId, vote.Page, vote.Rank));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(7006, tooEasy, 7005, Asker));
        var (_, thanks) = await bot.AnswerForAsync(7006);
        Assert.StartsWith("Thanks", ReadAll(thanks), StringComparison.Ordinal);
        await bot.AssertCleanAsync();
    }

    [Fact]
    public async Task A_button_made_under_another_catalog_gets_a_private_explanation()
    {
        await using var bot = await BotHarness.StartAsync();
        var stale = ReaderCustomId.Encode(new ReaderButton(ReaderButtonAction.Save, Asker, "zzzz", "raft-paper"))!;
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.ButtonPress(7101, stale, 7100, Asker));
        var (_, answer) = await bot.AnswerForAsync(7101);
        Assert.Equal(Ephemeral, answer["flags"]!.GetValue<ulong>() & Ephemeral);
        Assert.Equal(ButtonText.CatalogChanged, answer["content"]!.GetValue<string>());
    }

    private static string ReadAll(JsonNode message) =>
        string.Join('\n', new[] { message["content"]?.GetValue<string>() }
            .Concat(message["embeds"]?.AsArray().Select(e => e!["description"]?.GetValue<string>()) ?? []))
            .Trim();
}
