using Bot.Discord.Gateway;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class RestClientBasicsTests
{
    [Fact]
    public async Task Every_request_carries_bot_authorization_and_discordbot_user_agent()
    {
        await using var h = await RestHarness.StartAsync();

        await h.Client.GetCurrentUserAsync(CancellationToken.None);
        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        Assert.Equal(2, h.Server.Requests.Count);
        foreach (var r in h.Server.Requests)
        {
            Assert.Equal($"Bot {RestHarness.Token}", r.Header("Authorization"));
            Assert.Equal("DiscordBot (https://example.org/bot, 2.3.4)", r.Header("User-Agent"));
        }

        var post = h.Server.Requests[1];
        Assert.StartsWith("application/json", post.Header("Content-Type"));
        Assert.Equal($"/channels/{ChannelId}/messages", post.Path);
    }

    [Fact]
    public async Task Gateway_bot_maps_the_docs_fixture_and_the_client_is_the_registered_provider()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.GatewayUrl = "ws://127.0.0.1:1234/";

        var provider = h.Services.GetRequiredService<IGatewayBotInfoProvider>();
        var info = await provider.GetGatewayBotAsync(CancellationToken.None);

        Assert.Same(h.Client, provider);
        Assert.Same(h.Client, h.Services.GetRequiredService<IDiscordRestClient>());
        Assert.Equal(new GatewayBotInfo("ws://127.0.0.1:1234/", 9, new SessionStartLimit(1000, 999, 14400000, 1)), info);
        Assert.Equal("/gateway/bot", Assert.Single(h.Server.Requests).Path);
    }

    [Fact]
    public async Task Application_and_user_ids_are_read_as_snowflakes()
    {
        await using var h = await RestHarness.StartAsync();

        var app = await h.Client.GetCurrentApplicationAsync(CancellationToken.None);
        var me = await h.Client.GetCurrentUserAsync(CancellationToken.None);

        Assert.Equal(h.Server.ApplicationId, app.Id);
        Assert.Equal(h.Server.BotUserId, me.Id);
        Assert.True(me.Bot);
    }

    [Fact]
    public async Task Bulk_overwrite_sends_the_commands_and_returns_what_discord_stored()
    {
        await using var h = await RestHarness.StartAsync();
        ApplicationCommand[] commands = [Blep, new("High Five") { Type = ApplicationCommandType.User }];

        var global = await h.Client.OverwriteGlobalCommandsAsync(AppId, commands, CancellationToken.None);
        var guild = await h.Client.OverwriteGuildCommandsAsync(AppId, GuildId, [Blep], CancellationToken.None);
        var listedGlobal = await h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None);
        var listedGuild = await h.Client.GetGuildCommandsAsync(AppId, GuildId, CancellationToken.None);

        Assert.Equal(["blep", "High Five"], global.Select(c => c.Name));
        Assert.Equal(ApplicationCommandType.User, global[1].Type);
        Assert.All(global, c => Assert.NotEqual(0UL, c.Id));
        Assert.Equal(GuildId, Assert.Single(guild).GuildId);
        Assert.Equal(global.Select(c => c.Id), listedGlobal.Select(c => c.Id));
        Assert.Equal(guild[0].Id, Assert.Single(listedGuild).Id);
        var animal = listedGlobal[0].Options![0];
        Assert.Equal(ApplicationCommandOptionType.String, animal.Type);
        Assert.True(animal.Required);
        Assert.Equal(["animal_dog", "animal_cat", "animal_penguin"], animal.Choices!.Select(c => c.Value.GetString()));
        Assert.Null(listedGlobal[1].Options);

        var put = h.Server.RequestsTo("PUT", GlobalCommands)[0];
        Assert.Equal(
            """[{"name":"blep","type":1,"description":"Send a random adorable animal photo","options":[{"type":3,"name":"animal","description":"The type of animal","required":true,"choices":[{"name":"Dog","value":"animal_dog"},{"name":"Cat","value":"animal_cat"},{"name":"Penguin","value":"animal_penguin"}]},{"type":5,"name":"only_smol","description":"Whether to show only baby animals","required":false}]},{"name":"High Five","type":2}]""",
            put.Body);
    }

    [Fact]
    public async Task Listed_commands_carry_every_field_a_semantic_comparison_needs()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", GlobalCommands, FakeRestResponse.Json(200, """
            [{"id": "1001", "application_id": "775799577604522054", "version": "1002", "default_member_permissions": null, "type": 1,
              "name": "announce", "description": "Post an announcement", "dm_permission": false, "contexts": [0, 2], "integration_types": [0, 1], "nsfw": false,
              "options": [
                {"type": 7, "name": "where", "description": "Channel", "required": true, "channel_types": [0, 5]},
                {"type": 4, "name": "times", "description": "Repeat", "min_value": 1, "max_value": 3, "choices": [{"name": "Once", "value": 1}, {"name": "Twice", "value": 2}]},
                {"type": 10, "name": "weight", "description": "Weight", "min_value": 0.25, "max_value": 1.5},
                {"type": 3, "name": "text", "description": "Text", "autocomplete": true, "min_length": 2, "max_length": 200},
                {"type": 1, "name": "now", "description": "Right away", "options": [{"type": 5, "name": "silent", "description": "No ping"}]}]}]
            """));

        var command = Assert.Single(await h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None));

        Assert.Equal([InteractionContextType.Guild, InteractionContextType.PrivateChannel], command.Contexts);
        Assert.Equal([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall], command.IntegrationTypes);
        var options = command.Options!;
        Assert.Equal(ApplicationCommandOptionType.Channel, options[0].Type);
        Assert.Equal([0, 5], options[0].ChannelTypes);
        Assert.Null(options[1].ChannelTypes);
        Assert.Equal((1.0, 3.0), (options[1].MinValue, options[1].MaxValue));
        Assert.Equal([1L, 2L], options[1].Choices!.Select(c => c.Value.GetInt64()));
        Assert.Equal((0.25, 1.5), (options[2].MinValue, options[2].MaxValue));
        Assert.True(options[3].Autocomplete);
        Assert.Equal((2, 200), (options[3].MinLength, options[3].MaxLength));
        Assert.Equal("silent", Assert.Single(options[4].Options!).Name);
        Assert.Null(options[4].Required);
    }

    [Fact]
    public async Task Interaction_responses_of_every_type_reach_the_callback_route()
    {
        await using var h = await RestHarness.StartAsync();
        InteractionResponse[] responses =
        [
            InteractionResponse.Pong(),
            InteractionResponse.Message(new MessagePayload { Content = "Congrats on sending your command!" }),
            InteractionResponse.DeferredMessage(ephemeral: true),
            InteractionResponse.DeferredMessage(),
            InteractionResponse.DeferredUpdate(),
            InteractionResponse.UpdateMessage(new MessagePayload { Content = "updated", Components = [] }),
            InteractionResponse.Autocomplete([CommandChoice.String("Gitrog", "the-gitrog-monster"), CommandChoice.String("Sol Ring", "sol-ring")]),
            InteractionResponse.Modal(new ModalPayload("feedback", "Tell us more",
                [new ModalActionRow([new TextInput("why", TextInputStyle.Paragraph) { Label = "Why?", Required = false }])])),
        ];

        foreach (var response in responses)
        {
            await h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, response, CancellationToken.None);
        }

        var sent = h.Server.RequestsTo("POST", Callback);
        Assert.Equal(responses.Length, sent.Count);
        Assert.All(sent, r => Assert.Equal($"/interactions/{InteractionId}/{RestHarness.InteractionToken}/callback", r.Path));
        Assert.Equal("""{"type":1}""", sent[0].Body);
        Assert.Equal("""{"type":4,"data":{"content":"Congrats on sending your command!"}}""", sent[1].Body);
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", sent[2].Body);
        Assert.Equal("""{"type":5}""", sent[3].Body);
        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"Gitrog","value":"the-gitrog-monster"},{"name":"Sol Ring","value":"sol-ring"}]}}""", sent[6].Body);
        Assert.Equal("""{"type":9,"data":{"custom_id":"feedback","title":"Tell us more","components":[{"components":[{"custom_id":"why","style":2,"type":4,"label":"Why?","required":false}],"type":1}]}}""", sent[7].Body);
    }

    [Fact]
    public async Task Edit_original_and_followup_use_the_interaction_webhook()
    {
        await using var h = await RestHarness.StartAsync();
        var embed = new Embed
        {
            Title = "The Gitrog Monster",
            Description = "Legendary Creature",
            Url = "https://example.org/cards/gitrog",
            Color = 0x2F7D32,
            Timestamp = new DateTimeOffset(2026, 8, 6, 12, 0, 0, TimeSpan.Zero),
            Fields = [new EmbedField("Mana value", "5") { Inline = true }],
            Footer = new EmbedFooter("Scryfall") { IconUrl = "https://example.org/icon.png" },
            Author = new EmbedAuthor("Recommender") { Url = "https://example.org" },
            Thumbnail = new EmbedMedia("https://example.org/thumb.png"),
        };

        var edited = await h.Client.EditOriginalResponseAsync(
            AppId, RestHarness.InteractionToken,
            new MessagePayload
            {
                Content = "Here you go",
                Embeds = [embed],
                AllowedMentions = AllowedMentions.None,
                Components = [new ActionRow([Button.WithCustomId(ButtonStyle.Primary, "more:1", "More"), Button.Link("https://example.org", "Open")])],
            },
            CancellationToken.None);
        var followup = await h.Client.CreateFollowupMessageAsync(
            AppId, RestHarness.InteractionToken,
            new MessagePayload { Content = "only you can see this", Flags = MessageFlags.Ephemeral },
            CancellationToken.None);

        Assert.Equal("Here you go", edited.Content);
        Assert.NotEqual(0UL, edited.Id);
        Assert.Equal(64, followup.Flags);
        Assert.Equal($"/webhooks/{AppId}/{RestHarness.InteractionToken}/messages/@original", h.Server.RequestsTo("PATCH", EditOriginal)[0].Path);
        Assert.Equal($"/webhooks/{AppId}/{RestHarness.InteractionToken}", h.Server.RequestsTo("POST", Followup)[0].Path);
        Assert.Contains("\"timestamp\":\"2026-08-06T12:00:00+00:00\"", h.Server.Requests[0].Body);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[],\"replied_user\":false}", h.Server.Requests[0].Body);
    }

    [Fact]
    public async Task Channel_reply_sends_message_reference_with_snowflake_strings()
    {
        await using var h = await RestHarness.StartAsync();

        var message = await h.Client.CreateMessageAsync(
            ChannelId,
            new MessagePayload
            {
                Content = "Try these",
                AllowedMentions = AllowedMentions.None,
                MessageReference = new MessageReference(334385199974967042) { FailIfNotExists = false },
            },
            CancellationToken.None);

        Assert.Equal(ChannelId, message.ChannelId);
        var body = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(h.Server.Requests).Body!)!.AsObject();
        var nonce = body["nonce"]!.GetValue<string>();
        Assert.Equal(
            $$"""{"content":"Try these","allowed_mentions":{"parse":[],"replied_user":false},"message_reference":{"message_id":"334385199974967042","fail_if_not_exists":false},"nonce":"{{nonce}}","enforce_nonce":true}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task Invalid_payloads_are_refused_before_any_request()
    {
        await using var h = await RestHarness.StartAsync();

        var tooLong = await Assert.ThrowsAsync<DiscordPayloadValidationException>(() =>
            h.Client.CreateMessageAsync(ChannelId, MessagePayload.FromContent(new string('x', 2001)), CancellationToken.None));
        var badCommand = await Assert.ThrowsAsync<DiscordPayloadValidationException>(() =>
            h.Client.OverwriteGlobalCommandsAsync(AppId, [ApplicationCommand.ChatInput("Blep", "x")], CancellationToken.None));
        var replyInCallback = await Assert.ThrowsAsync<DiscordPayloadValidationException>(() =>
            h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken,
                InteractionResponse.Message(new MessagePayload { Content = "x", MessageReference = new MessageReference(1) }), CancellationToken.None));

        Assert.Equal("content", Assert.Single(tooLong.Violations).Path);
        Assert.Equal("0.name", Assert.Single(badCommand.Violations).Path);
        Assert.Equal("data.message_reference", Assert.Single(replyInCallback.Violations).Path);
        Assert.Empty(h.Server.Requests);
    }
}
