using Bot.Discord.Models.Outbound;

namespace Bot.Discord.Tests.Rest;

public sealed class MessageValidatorTests
{
    private static IReadOnlyList<string> Paths(IReadOnlyList<PayloadViolation> v) => v.Select(x => x.Path).ToList();

    [Fact]
    public void A_message_at_every_limit_is_valid()
    {
        var embed = new Embed
        {
            Title = new string('t', DiscordLimits.EmbedTitle),
            Description = new string('d', 1000),
            Fields = [.. Enumerable.Range(0, DiscordLimits.EmbedFields).Select(i => new EmbedField(new string('n', 10), new string('v', 100)))],
            Footer = new EmbedFooter(new string('f', 100)),
            Author = new EmbedAuthor(new string('a', DiscordLimits.EmbedAuthorName)),
        };
        var message = new MessagePayload
        {
            Content = new string('c', DiscordLimits.MessageContent),
            Embeds = [embed],
            AllowedMentions = AllowedMentions.None,
        };

        Assert.Empty(MessageValidator.Validate(message, MessageTarget.ChannelMessage));
    }

    [Fact]
    public void Each_length_limit_is_enforced_one_past_the_limit()
    {
        var embed = new Embed
        {
            Title = new string('t', 257),
            Description = new string('d', 4097),
            Fields = [new EmbedField(new string('n', 257), new string('v', 1025))],
            Footer = new EmbedFooter(new string('f', 2049)),
            Author = new EmbedAuthor(new string('a', 257)),
        };

        var v = MessageValidator.Validate(new MessagePayload { Content = new string('c', 2001), Embeds = [embed] }, MessageTarget.FollowUp);

        Assert.Equal(
            ["content", "embeds.0.title", "embeds.0.description", "embeds.0.footer.text", "embeds.0.author.name",
             "embeds.0.fields.0.name", "embeds.0.fields.0.value", "embeds"],
            Paths(v));
    }

    [Fact]
    public void A_nonce_is_for_channel_messages_only_and_at_most_25_characters()
    {
        var withNonce = new MessagePayload { Content = "hi", Nonce = new string('1', DiscordLimits.MessageNonce), EnforceNonce = true };

        Assert.Empty(MessageValidator.Validate(withNonce, MessageTarget.ChannelMessage));
        Assert.Equal(["nonce"], Paths(MessageValidator.Validate(withNonce, MessageTarget.FollowUp)));
        Assert.Equal(["nonce"], Paths(MessageValidator.Validate(withNonce with { Nonce = new string('1', 26) }, MessageTarget.ChannelMessage)));
    }

    [Fact]
    public void Counts_of_embeds_and_fields_are_enforced()
    {
        var tooManyFields = new Embed { Fields = [.. Enumerable.Range(0, 26).Select(_ => new EmbedField("n", "v"))] };
        var embeds = Enumerable.Range(0, 11).Select(_ => new Embed { Title = "x" }).Append(tooManyFields).ToList();

        var v = MessageValidator.Validate(new MessagePayload { Embeds = embeds }, MessageTarget.ChannelMessage);

        Assert.Equal(["embeds", "embeds.11.fields"], Paths(v));
    }

    [Fact]
    public void Embed_total_counts_trimmed_text_across_all_embeds()
    {
        Embed Big(int n) => new() { Description = "  " + new string('d', n) + "\n\n" };

        Assert.Equal(6000, MessageValidator.EmbedCharacters([Big(3000), Big(3000)]));
        Assert.Empty(MessageValidator.Validate(new MessagePayload { Embeds = [Big(3000), Big(3000)] }, MessageTarget.ChannelMessage));
        var v = MessageValidator.Validate(new MessagePayload { Embeds = [Big(3000), Big(2000), new Embed { Title = "x", Footer = new EmbedFooter(new string('f', 1000)) }] }, MessageTarget.ChannelMessage);
        Assert.Equal("embeds", Assert.Single(v).Path);
    }

    [Fact]
    public void Allowed_mentions_parse_and_ids_are_mutually_exclusive()
    {
        var users = new AllowedMentions { Parse = [AllowedMentionType.Users], Users = [1234] };
        var roles = new AllowedMentions { Parse = [AllowedMentionType.Roles, AllowedMentionType.Everyone], Roles = [5] };
        var fine = new AllowedMentions { Parse = [AllowedMentionType.Roles], Users = [1234] };

        Assert.Single(MessageValidator.Validate(new MessagePayload { Content = "x", AllowedMentions = users }, MessageTarget.ChannelMessage));
        Assert.Single(MessageValidator.Validate(new MessagePayload { Content = "x", AllowedMentions = roles }, MessageTarget.ChannelMessage));
        Assert.Empty(MessageValidator.Validate(new MessagePayload { Content = "x", AllowedMentions = fine }, MessageTarget.ChannelMessage));
    }

    [Fact]
    public void Flags_and_members_depend_on_the_target()
    {
        var ephemeral = new MessagePayload { Content = "x", Flags = MessageFlags.Ephemeral };

        Assert.Empty(MessageValidator.Validate(ephemeral, MessageTarget.InteractionResponse));
        Assert.Empty(MessageValidator.Validate(ephemeral, MessageTarget.FollowUp));
        Assert.Equal("flags", Assert.Single(MessageValidator.Validate(ephemeral, MessageTarget.ChannelMessage)).Path);
        Assert.Equal("flags", Assert.Single(MessageValidator.Validate(ephemeral, MessageTarget.EditOriginal)).Path);
        Assert.Equal("message_reference", Assert.Single(MessageValidator.Validate(
            new MessagePayload { Content = "x", MessageReference = new MessageReference(1) }, MessageTarget.FollowUp)).Path);
        Assert.Equal("content", Assert.Single(MessageValidator.Validate(new MessagePayload(), MessageTarget.ChannelMessage)).Path);
        Assert.Empty(MessageValidator.Validate(new MessagePayload(), MessageTarget.EditOriginal));
        Assert.Equal(["data", "flags"], Paths(MessageValidator.Validate(
            new MessagePayload { Content = "x", Flags = MessageFlags.SuppressEmbeds }, MessageTarget.DeferredInteractionResponse)));
        Assert.Empty(MessageValidator.Validate(InteractionResponse.DeferredMessage(ephemeral: true)));
    }

    [Fact]
    public void Components_are_checked()
    {
        var six = new ActionRow([.. Enumerable.Range(0, 6).Select(i => Button.WithCustomId(ButtonStyle.Secondary, $"b{i}", "x"))]);
        var longId = new ActionRow([Button.WithCustomId(ButtonStyle.Primary, new string('i', 101), new string('l', 81))]);

        var v = MessageValidator.Validate(new MessagePayload { Content = "x", Components = [six, longId] }, MessageTarget.ChannelMessage);

        Assert.Equal(["components.0.components", "components.1.components.0.custom_id", "components.1.components.0.label"], Paths(v));
    }

    [Theory]
    [InlineData("blep", true)]
    [InlineData("only_smol", true)]
    [InlineData("it's-fine", true)]
    [InlineData("café", true)]
    [InlineData("नमस्ते", true)]
    [InlineData("สวัสดี", true)]
    [InlineData("日本語", true)]
    [InlineData("v2", true)]
    [InlineData("Blep", false)]
    [InlineData("CAFÉ", false)]
    [InlineData("bad name", false)]
    [InlineData("emoji😀", false)]
    [InlineData("semi;colon", false)]
    [InlineData("", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefg", false)]
    public void Command_names_follow_the_documented_pattern_in_lowercase(string name, bool valid)
    {
        Assert.Equal(valid, DiscordLimits.IsValidCommandName(name));
    }

    [Fact]
    public void The_docs_blep_command_is_valid()
    {
        Assert.Empty(MessageValidator.Validate([RestTestData.Blep, new ApplicationCommand("High Five") { Type = ApplicationCommandType.User }]));
    }

    [Fact]
    public void Command_rules_are_enforced()
    {
        var option = (int i) => new ApplicationCommandOption(ApplicationCommandOptionType.Integer, $"o{i}", "d");
        var command = ApplicationCommand.ChatInput("recommend", new string('d', 101),
            new ApplicationCommandOption(ApplicationCommandOptionType.String, "query", "d")
            {
                Autocomplete = true,
                Choices = [CommandChoice.String("", new string('v', 101))],
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, "count", "d") { Required = true },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, "Query", ""));

        var v = MessageValidator.Validate(command);

        Assert.Equal(
            ["description", "options.0.choices.0.name", "options.0.choices.0.value", "options.0.autocomplete",
             "options.1.required", "options.2.name", "options.2.description"],
            Paths(v));
        Assert.Equal("options", Assert.Single(MessageValidator.Validate(
            ApplicationCommand.ChatInput("many", "d", [.. Enumerable.Range(0, 26).Select(option)]))).Path);
        Assert.Equal("options.0.choices", Assert.Single(MessageValidator.Validate(ApplicationCommand.ChatInput("many", "d",
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, "n", "d")
            {
                Choices = [.. Enumerable.Range(0, 26).Select(i => CommandChoice.Integer($"c{i}", i))],
            }))).Path);
        Assert.Equal("description", Assert.Single(MessageValidator.Validate(
            new ApplicationCommand("High Five") { Type = ApplicationCommandType.User, Description = "no" })).Path);
        Assert.Single(MessageValidator.Validate([RestTestData.Blep, RestTestData.Blep]));
    }

    [Fact]
    public void Autocomplete_results_hold_at_most_25_choices()
    {
        var ok = InteractionResponse.Autocomplete([.. Enumerable.Range(0, 25).Select(i => CommandChoice.String($"c{i}", $"v{i}"))]);
        var tooMany = InteractionResponse.Autocomplete([.. Enumerable.Range(0, 26).Select(i => CommandChoice.String($"c{i}", $"v{i}"))]);

        Assert.Empty(MessageValidator.Validate(ok));
        Assert.Equal("data.choices", Assert.Single(MessageValidator.Validate(tooMany)).Path);
    }
}
