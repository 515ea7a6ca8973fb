using Bot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayConfigurationTests
{
    private static GatewayOptions Valid() => new() { Token = GatewayTestHarness.Token };

    [Fact]
    public void Bot_intents_are_built_explicitly()
    {
        Assert.Equal(
            GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages,
            GatewayIntentSets.ForBot(freeTextEnabled: false));
        Assert.Equal(1 + 512 + 4096, (int)GatewayIntentSets.ForBot(freeTextEnabled: false));
        Assert.Equal(
            GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | GatewayIntents.MessageContent,
            GatewayIntentSets.ForBot(freeTextEnabled: true));
    }

    [Fact]
    public void Intent_bits_match_the_docs()
    {
        Assert.Equal(1 << 0, (int)GatewayIntents.Guilds);
        Assert.Equal(1 << 1, (int)GatewayIntents.GuildMembers);
        Assert.Equal(1 << 8, (int)GatewayIntents.GuildPresences);
        Assert.Equal(1 << 9, (int)GatewayIntents.GuildMessages);
        Assert.Equal(1 << 12, (int)GatewayIntents.DirectMessages);
        Assert.Equal(1 << 15, (int)GatewayIntents.MessageContent);
        Assert.Equal(1 << 16, (int)GatewayIntents.GuildScheduledEvents);
        Assert.Equal(1 << 20, (int)GatewayIntents.AutoModerationConfiguration);
        Assert.Equal(1 << 25, (int)GatewayIntents.DirectMessagePolls);
        Assert.Equal(
            GatewayIntents.GuildMembers | GatewayIntents.GuildPresences | GatewayIntents.MessageContent,
            GatewayIntentSets.Privileged);
        Assert.Equal(["GUILDS", "GUILD_MESSAGES"], (GatewayIntents.Guilds | GatewayIntents.GuildMessages).ToDocumentedNames());
    }

    [Fact]
    public void Valid_options_pass()
    {
        Assert.True(new GatewayOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("Bot MTA5ODc2NTQzMjEwOTg3NjU0MzI.GxYzAb.fAkEtOkEnFoRtEsTsOnLy_abcdefghijklmnopq")]
    [InlineData("MTA5ODc2NTQzMjEwOTg3NjU0MzI.GxYzAb.fAkEtOkEnFoRtEsTsOnLy_abcdefghij klmnopq")]
    [InlineData("MTA5ODc2NTQzMjEwOTg3NjU0MzI..fAkEtOkEnFoRtEsTsOnLy_abcdefghijklmnopq")]
    public void Implausible_tokens_fail_without_echoing_the_token(string token)
    {
        var options = Valid();
        options.Token = token;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Token", result.FailureMessage, StringComparison.Ordinal);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("fAkEtOkEn", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Undocumented_intents_shard_settings_and_urls_are_rejected()
    {
        var validator = new GatewayOptionsValidator();
        var options = Valid();
        options.Intents = (GatewayIntents)(1 << 17);
        Assert.Contains("undocumented", validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);

        options = Valid();
        options.ShardCount = "zero";
        Assert.True(validator.Validate(null, options).Failed);

        options = Valid();
        options.ShardCount = "2";
        options.ShardId = 2;
        Assert.True(validator.Validate(null, options).Failed);

        options = Valid();
        options.GatewayUrl = "https://gateway.discord.gg";
        Assert.True(validator.Validate(null, options).Failed);

        options = Valid();
        options.HandshakeTimeout = TimeSpan.Zero;
        Assert.True(validator.Validate(null, options).Failed);

        options = Valid();
        options.IdentifyProperties.Os = new string('x', 101);
        Assert.True(validator.Validate(null, options).Failed);

        options = Valid();
        options.ShardCount = "AUTO";
        options.ShardId = 5;
        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.Null(options.ParsedShardCount);
    }

    [Fact]
    public void Defaults_follow_the_brief()
    {
        var options = new GatewayOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), options.HandshakeTimeout);
        Assert.Equal("auto", options.ShardCount);
        Assert.Equal(GatewayIntentSets.ForBot(false), options.Intents);
    }

    [Fact]
    public void Registration_validates_options_on_resolution()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordGateway().Configure(o => o.Token = "nope");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);
        Assert.Contains("Token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nope", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4001, GatewayCloseAction.Resume)]
    [InlineData(4002, GatewayCloseAction.Resume)]
    [InlineData(4003, GatewayCloseAction.Resume)]
    [InlineData(4005, GatewayCloseAction.Resume)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(1006, GatewayCloseAction.Resume)]
    [InlineData(null, GatewayCloseAction.Resume)]
    [InlineData(4007, GatewayCloseAction.Reidentify)]
    [InlineData(4009, GatewayCloseAction.Reidentify)]
    [InlineData(4004, GatewayCloseAction.Stop)]
    [InlineData(4010, GatewayCloseAction.Stop)]
    [InlineData(4011, GatewayCloseAction.Stop)]
    [InlineData(4012, GatewayCloseAction.Stop)]
    [InlineData(4013, GatewayCloseAction.Stop)]
    [InlineData(4014, GatewayCloseAction.Stop)]
    public void Close_codes_map_to_the_documented_action(int? code, GatewayCloseAction expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
    }

    [Fact]
    public void Disallowed_intents_message_names_each_privileged_intent()
    {
        var ex = GatewayClosedException.ForCloseCode(
            4014, 0, GatewayIntentSets.ForBot(true) | GatewayIntents.GuildMembers);

        Assert.Equal(4014, ex.CloseCode);
        Assert.Contains("MESSAGE_CONTENT is privileged: enable it in the Developer Portal or turn off free text", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GUILD_MEMBERS is privileged", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GUILDS is", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_plan_resolves_auto_to_the_recommended_count()
    {
        var info = new GatewayBotInfo("wss://gateway.discord.gg/", 9, new SessionStartLimit(1000, 999, 14_400_000, 1));

        var auto = ShardPlan.Resolve(Valid(), info);
        Assert.Equal(9, auto.ShardCount);
        Assert.Equal(Enumerable.Range(0, 9), auto.ShardIds);
        Assert.Equal(new Uri("wss://gateway.discord.gg/"), auto.GatewayUrl);

        var options = Valid();
        options.ShardCount = "4";
        options.ShardId = 3;
        options.GatewayUrl = "wss://example.test/";
        var explicitPlan = ShardPlan.Resolve(options, info);
        Assert.Equal(4, explicitPlan.ShardCount);
        Assert.Equal([3], explicitPlan.ShardIds);
        Assert.Equal(new Uri("wss://example.test/"), explicitPlan.GatewayUrl);
    }

    [Fact]
    public void Dms_route_to_shard_zero_and_guilds_by_the_sharding_formula()
    {
        Assert.Equal(0, ShardPlan.ShardForGuild(null, 9));
        const ulong guildId = 290926798626357999;
        Assert.Equal((int)((guildId >> 22) % 9), ShardPlan.ShardForGuild(guildId, 9));
        Assert.Equal(0, ShardPlan.ShardForGuild(guildId, 1));
        Assert.Equal(
            [0, 1, 2],
            new[] { 0UL << 22, 1UL << 22, 2UL << 22 }.Select(id => ShardPlan.ShardForGuild(id, 3)));
    }

    [Fact]
    public void Connection_url_gets_version_and_encoding()
    {
        Assert.Equal(
            "wss://gateway.discord.gg/?v=10&encoding=json",
            GatewayUrls.WithVersionAndEncoding(new Uri("wss://gateway.discord.gg")).ToString());
        Assert.Equal(
            "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json",
            GatewayUrls.WithVersionAndEncoding(new Uri("wss://gateway-us-east1-b.discord.gg/")).ToString());
    }
}
