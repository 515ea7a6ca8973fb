using System.Text.Json;
using Bot.Discord.Gateway;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Testing;

namespace Bot.Discord.Tests.Gateway;

public sealed class InboundModelTests
{
    [Fact]
    public void Docs_example_interaction_parses()
    {
        var interaction = JsonSerializer.Deserialize(FakeGatewayFixtures.InteractionCreate, GatewayJsonContext.Default.Interaction)!;

        Assert.Equal(786008729715212338UL, interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Null(interaction.ApplicationId);
        Assert.Equal(290926798626357999UL, interaction.GuildId);
        Assert.Equal(645027906669510667UL, interaction.ChannelId);
        Assert.Equal("2147483647", interaction.Member!.Permissions);
        Assert.Equal([539082325061836999UL], interaction.Member.Roles);
        Assert.Equal(53908232506183680UL, interaction.InvokingUser!.Id);
        Assert.Equal("Mason", interaction.InvokingUser.Username);
        Assert.Equal("en-US", interaction.Locale);
        Assert.Equal("442368", interaction.AppPermissions);
        var data = interaction.Data!;
        Assert.Equal("cardsearch", data.Name);
        Assert.Equal(771825006014889984UL, data.Id);
        Assert.Equal(1, data.Type);
        var option = Assert.Single(data.Options!);
        Assert.Equal("cardname", option.Name);
        Assert.Equal(3, option.Type);
        Assert.Equal("The Gitrog Monster", option.GetString());
    }

    [Fact]
    public void Autocomplete_example_exposes_the_focused_option()
    {
        // The docs' example is partial: it lacks the required id and token.
        var node = System.Text.Json.Nodes.JsonNode.Parse(FakeGatewayFixtures.AutocompleteInteraction)!.AsObject();
        node["id"] = "1";
        node["token"] = "t";
        var interaction = JsonSerializer.Deserialize(node.ToJsonString(), GatewayJsonContext.Default.Interaction)!;

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal("variant", interaction.Data!.FocusedOption!.Name);
        Assert.Equal("data a user is typ", interaction.Data.FocusedOption.GetString());
    }

    [Fact]
    public void Option_values_of_every_kind_read()
    {
        const string json = """
            {"id":"1","type":2,"token":"t","user":{"id":"5","username":"dm"},"context":1,
             "data":{"id":"2","name":"cmd","type":1,"options":[{"name":"group","type":2,"options":[{"name":"sub","type":1,"options":[
               {"name":"n","type":4,"value":42},{"name":"d","type":10,"value":2.5},{"name":"b","type":5,"value":true},
               {"name":"u","type":6,"value":"53908232506183680"}]}]}]}}
            """;
        var interaction = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.Interaction)!;
        var leaf = interaction.Data!.Options![0].Options![0].Options!;

        Assert.Equal(InteractionContextType.BotDm, interaction.Context);
        Assert.Equal(5UL, interaction.InvokingUser!.Id);
        Assert.Equal(42, leaf[0].GetInt64());
        Assert.Equal(2.5, leaf[1].GetDouble());
        Assert.True(leaf[2].GetBoolean());
        Assert.Equal(53908232506183680UL, leaf[3].GetSnowflake());
        Assert.Null(interaction.Data.FocusedOption);
    }

    [Fact]
    public void Docs_example_message_parses()
    {
        var message = JsonSerializer.Deserialize(FakeGatewayFixtures.MessageCreate, GatewayJsonContext.Default.Message)!;

        Assert.Equal(334385199974967042UL, message.Id);
        Assert.Equal(290926798999357250UL, message.ChannelId);
        Assert.Null(message.GuildId);
        Assert.Equal("Supa Hot", message.Content);
        Assert.Equal(53908099506183680UL, message.Author.Id);
        Assert.Equal(0, message.Type);
        Assert.Equal(new DateTimeOffset(2017, 7, 11, 17, 27, 7, 299, TimeSpan.Zero), message.Timestamp);
        Assert.Null(message.EditedTimestamp);
        Assert.Empty(message.Mentions);
    }

    [Fact]
    public void Constructed_ready_fixture_parses()
    {
        using var doc = JsonDocument.Parse(FakeGatewayFixtures.Ready);
        var ready = doc.RootElement.GetProperty("d").Deserialize(GatewayJsonContext.Default.ReadyEvent)!;

        Assert.Equal(10, ready.V);
        Assert.Equal("evenmorerandomstring", ready.SessionId);
        Assert.Equal("wss://gateway.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal(80351110224678912UL, ready.User.Id);
        Assert.True(ready.User.Bot);
        Assert.Equal(775799577604522054UL, ready.Application.Id);
        Assert.Equal([0, 1], ready.Shard);
        var guild = Assert.Single(ready.Guilds);
        Assert.True(guild.Unavailable);
    }
}
