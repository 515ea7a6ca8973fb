using Bot.Application;
using Bot.Discord.Models.Outbound;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Rendering;
using Bot.DiscordAdapter.Tests.Support;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class ReplyRendererTests
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("Consensus is hard; ", 800));

    [Fact]
    public void My_data_is_a_short_private_note_with_the_json_as_a_file()
    {
        var reply = MyData("""{"items":[{"item_id":"raft-paper"}]}""");

        var payload = ReplyRenderer.Render(reply, new RenderContext(1) { Personal = true });
        var file = Assert.Single(ReplyRenderer.Files(reply, new RenderContext(1)));

        Assert.Equal(MessageFlags.Ephemeral, payload.Flags);
        Assert.Equal("Everything I store about you.\n" + ReplyRenderer.AttachedNote("my-data.json"), payload.Content);
        Assert.Equal(("my-data.json", "application/json"), (file.FileName, file.ContentType));
        Assert.Equal("""{"items":[{"item_id":"raft-paper"}]}"""u8.ToArray(), file.Content.ToArray());
    }

    [Fact]
    public void My_data_over_the_size_limit_is_not_attached_and_the_message_says_so_within_limits()
    {
        var reply = MyData("{\"items\":[" + string.Join(',', Enumerable.Repeat("\"raft-paper\"", 500)) + "]}");
        var context = new RenderContext(1) { Personal = true, AttachmentLimit = 1024 };

        var payload = ReplyRenderer.Render(reply, context);

        Assert.Empty(ReplyRenderer.Files(reply, context));
        Assert.Contains("is 6.4 KiB, more than the 1 KiB Discord lets me attach", payload.Content, StringComparison.Ordinal);
        Assert.Contains("```json\n{\"items\":[\"raft-paper\"", payload.Content, StringComparison.Ordinal);
        Assert.Empty(MessageValidator.Validate(payload, MessageTarget.InteractionResponse));
    }

    private static Reply MyData(string json) => new()
    {
        Input = "/my-data",
        Intent = Intent.MyData,
        Message = "Everything I store about you.",
        IsPersonal = true,
        Attachment = new ReplyAttachment("my-data.json", json) { ContentType = ReplyAttachment.JsonContentType },
    };

    [Fact]
    public void Recommendation_renders_one_linked_embed_per_item_with_byline_level_kind_and_reason()
    {
        var payload = ReplyRenderer.Render(Replies.Recommendation(5), new RenderContext(Inbound.UserId));

        AssertValidEverywhere(payload);
        Assert.Equal("Reading on consensus.", payload.Content);
        Assert.Equal(5, payload.Embeds!.Count);
        var first = payload.Embeds[0];
        Assert.Equal("1. Paper number 1", first.Title);
        Assert.Equal("https://example.org/paper/1", first.Url);
        Assert.Equal("Author 1, Author 2 (2001)", first.Author!.Name);
        Assert.Contains("beginner paper on consensus #1", first.Description, StringComparison.Ordinal);
        Assert.Contains(first.Fields!, f => f.Name == "Level" && f.Value == "beginner");
        Assert.Contains(first.Fields!, f => f.Name == "Kind" && f.Value == "paper");
        Assert.Same(AllowedMentions.None, payload.AllowedMentions);
        Assert.Empty(payload.AllowedMentions!.Parse!);
        Assert.False(payload.AllowedMentions.RepliedUser);
    }

    [Fact]
    public void Huge_titles_summaries_authors_and_ten_items_fit_every_limit()
    {
        var items = Enumerable.Range(1, 10).Select(i => Replies.Item(i, title: Huge, summary: Huge, authors: 200) with { Reason = Huge, Url = "https://example.org/" + new string('a', 3000) }).ToList();
        var reply = new Reply
        {
            Input = "x",
            Intent = Intent.Recommend,
            Message = Huge,
            Items = items,
            Sections = [new ReplySection(Huge, Huge)],
            NextPage = new RecommendPage(new RecommendRequest { Topic = "consensus", Offset = 10, Count = 10 }),
        };

        var payload = ReplyRenderer.Render(reply, new RenderContext(Inbound.UserId));

        AssertValidEverywhere(payload);
        Assert.Equal(10, payload.Embeds!.Count);
        Assert.InRange(payload.Content!.Length, DiscordLimits.MessageContent - 30, DiscordLimits.MessageContent);
        Assert.EndsWith("…", payload.Content, StringComparison.Ordinal);
        Assert.All(payload.Embeds, e =>
        {
            Assert.True(e.Title!.Length <= DiscordLimits.EmbedTitle);
            Assert.EndsWith("…", e.Title, StringComparison.Ordinal);
            Assert.Null(e.Url);
            Assert.True(e.Author!.Name.Length <= DiscordLimits.EmbedAuthorName);
            Assert.Contains(e.Fields!, f => f.Name == "Level");
        });
        Assert.InRange(MessageValidator.EmbedCharacters(payload.Embeds), 5000, DiscordLimits.EmbedTotalCharacters);
    }

    [Fact]
    public void Paper_shows_summary_venue_read_first_read_next_and_alternatives_within_limits()
    {
        var match = Replies.Item(1, summary: Huge);
        var many = Enumerable.Range(2, 60).Select(i => Replies.Item(i, title: "A fairly long title about replication number " + i)).ToList();
        var reply = new Reply
        {
            Input = "/paper raft",
            Intent = Intent.Paper,
            Items = [match, .. many],
            Paper = new PaperDetail { ReadFirst = many, ReadNext = many, Alternatives = many },
        };

        var payload = ReplyRenderer.Render(reply);

        AssertValidEverywhere(payload);
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("Paper number 1", embed.Title);
        Assert.StartsWith("Consensus is hard;", embed.Description, StringComparison.Ordinal);
        Assert.Contains(embed.Fields!, f => f.Name == "Venue" && f.Value == "SOSP");
        var readFirst = Assert.Single(embed.Fields!, f => f.Name == "Read first");
        Assert.StartsWith("• [A fairly long title about replication number 2](https://example.org/paper/2)", readFirst.Value, StringComparison.Ordinal);
        Assert.Contains("more", readFirst.Value.Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains(embed.Fields!, f => f.Name == "Read next");
        Assert.Contains(embed.Fields!, f => f.Name == "Other matches");
    }

    [Fact]
    public void Sixty_topic_sections_are_split_into_embeds_of_at_most_25_fields()
    {
        var reply = new Reply
        {
            Input = "/topics",
            Intent = Intent.Topics,
            Message = "60 topics.",
            Sections = [.. Enumerable.Range(1, 60).Select(i => new ReplySection($"Topic {i} ({i})", $"About topic {i}. 12 resources."))],
        };

        var payload = ReplyRenderer.Render(reply);

        AssertValidEverywhere(payload);
        Assert.Equal(3, payload.Embeds!.Count);
        Assert.Equal([25, 25, 10], payload.Embeds.Select(e => e.Fields!.Count));
    }

    [Fact]
    public void Hundreds_of_huge_sections_are_cut_to_ten_embeds_and_6000_characters()
    {
        var reply = new Reply
        {
            Input = "/help",
            Intent = Intent.Help,
            Message = Huge,
            Sections = [.. Enumerable.Range(1, 400).Select(i => new ReplySection(Huge, Huge))],
        };

        var payload = ReplyRenderer.Render(reply);

        AssertValidEverywhere(payload);
        Assert.True(payload.Embeds!.Count <= DiscordLimits.EmbedsPerMessage);
        Assert.All(payload.Embeds, e => Assert.True((e.Fields?.Count ?? 0) <= DiscordLimits.EmbedFields));
    }

    [Fact]
    public void Error_renders_as_a_red_embed_and_mentions_in_user_text_ping_nobody()
    {
        var payload = ReplyRenderer.Render(Replies.Error("Unknown topic '@everyone <@53908232506183680>'."));

        AssertValidEverywhere(payload);
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal(ReplyRenderer.ErrorColor, embed.Color);
        Assert.Contains("@everyone", embed.Description, StringComparison.Ordinal);
        Assert.Empty(payload.AllowedMentions!.Parse!);
        Assert.Null(payload.Components);
    }

    [Fact]
    public void More_button_encodes_the_next_page_for_the_owner_only_when_a_next_page_exists()
    {
        var withMore = ReplyRenderer.Render(Replies.Recommendation(5), new RenderContext(Inbound.UserId));
        var button = Assert.Single(Assert.Single(withMore.Components!).Components);
        Assert.Equal(ReplyRenderer.MoreLabel, button.Label);
        Assert.True(PagingCustomId.TryDecode(button.CustomId, out var token));
        Assert.Equal(Inbound.UserId, token.OwnerId);
        Assert.Equal(5, token.Request.Offset);

        Assert.Null(ReplyRenderer.Render(Replies.Recommendation(5, more: false), new RenderContext(Inbound.UserId)).Components);
        Assert.Null(ReplyRenderer.Render(Replies.Recommendation(5)).Components);
    }

    [Theory]
    [InlineData("/recommend consensus beginner")]
    [InlineData("/recommend topic:storage level:advanced kind:paper count:10")]
    [InlineData("/paper raft")]
    [InlineData("/paper lamport clocks")]
    [InlineData("/topics")]
    [InlineData("/help")]
    [InlineData("/recommend consensus banana")]
    [InlineData("/paper zzzzqqqq")]
    public void Real_assistant_replies_render_within_every_limit(string input)
    {
        var payload = ReplyRenderer.Render(RealAssistant.Instance.Handle(input), new RenderContext(Inbound.UserId));

        AssertValidEverywhere(payload);
    }

    [Fact]
    public void Clip_never_splits_a_surrogate_pair_and_marks_the_cut()
    {
        var text = string.Concat(Enumerable.Repeat("🔥", 300));

        var clipped = TextFit.Clip(text, 256);

        Assert.True(clipped.Length <= 256);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(clipped[^2]));
    }

    private static void AssertValidEverywhere(MessagePayload payload)
    {
        foreach (var target in new[] { MessageTarget.InteractionResponse, MessageTarget.FollowUp, MessageTarget.ChannelMessage })
        {
            var violations = MessageValidator.Validate(payload, target);
            Assert.True(violations.Count == 0, $"{target}: {string.Join("; ", violations)}");
        }

        Assert.True(MessageValidator.EmbedCharacters(payload.Embeds ?? []) <= DiscordLimits.EmbedTotalCharacters);
        Assert.NotNull(payload.AllowedMentions);
    }
}
