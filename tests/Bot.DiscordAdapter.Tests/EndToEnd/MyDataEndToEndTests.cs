using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Rendering;
using Bot.DiscordAdapter.Tests.Support;

namespace Bot.DiscordAdapter.Tests.EndToEnd;

/// <summary>/my-data through the loopback fake Discord: a private reply with the reader's data as a JSON file.</summary>
public sealed class MyDataEndToEndTests
{
    private const ulong Ephemeral = 64;
    private const string EditOriginal = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";

    [Fact(Timeout = 90_000)]
    public async Task My_data_is_a_private_reply_with_one_json_file_of_the_saved_items_delivered_once_after_a_retry()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(8001, "save", ("item", 3, "raft-paper")));
        var (_, saved) = await bot.AnswerForAsync(8001);
        Assert.StartsWith("Saved '", saved["content"]?.GetValue<string>() ?? saved["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // Discord fails the upload once after taking it: the retry sends the file again, and the message shows it once.
        bot.Rest.Enqueue("PATCH", EditOriginal, FakeRestResponse.ServerErrorAfterWriting());
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", BotHarness.SlashCommand(8002, "my-data"));
        await bot.UntilAsync(
            () => bot.EditsFor(8002).Count == 2 && bot.Logs.AllText.Contains("PATCH /webhooks/{application_id}/{interaction_token}/messages/@original -> 200", StringComparison.Ordinal),
            "the retried upload");

        var deferral = JsonNode.Parse(Assert.Single(bot.CallbacksFor(8002)).Body!)!;
        Assert.Equal(5, deferral["type"]!.GetValue<int>());
        Assert.Equal(Ephemeral, deferral["data"]!["flags"]!.GetValue<ulong>() & Ephemeral);

        var attempts = bot.EditsFor(8002);
        Assert.All(attempts, a => Assert.True(a.IsMultipart));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        var file = Assert.Single(attempts[0].Files);
        Assert.Equal(("files[0]", "my-data.json", "application/json"), (file.PartName, file.FileName, file.ContentType));
        Assert.Equal(file.Content.ToArray(), Assert.Single(attempts[1].Files).Content.ToArray());

        var payload = JsonNode.Parse(attempts[0].Body!)!;
        Assert.Contains(ReplyRenderer.AttachedNote("my-data.json"), payload["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("my-data.json", Assert.Single(payload["attachments"]!.AsArray())!["filename"]!.GetValue<string>());

        using (var data = JsonDocument.Parse(file.Content))
        {
            Assert.Equal("53908232506183680", data.RootElement.GetProperty("reader_id").ToString());
            var item = Assert.Single(data.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal("raft-paper", item.GetProperty("item_id").GetString());
        }

        Assert.DoesNotContain(BotHarness.SecretPart, file.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.InteractionToken(8002), file.Text, StringComparison.Ordinal);
        var shown = bot.Rest.OriginalMessage(BotHarness.InteractionToken(8002))!;
        Assert.Equal("my-data.json", Assert.Single(shown["attachments"]!.AsArray())!["filename"]!.GetValue<string>());
        await bot.AssertCleanAsync();
    }
}
