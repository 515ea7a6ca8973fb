using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Tests.Support;
using Bot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class OptionsValidationTests
{
    public const string GoodToken = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";

    private static OptionsValidationException? Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddDiscordBot(configuration).BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<DiscordBotOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void A_complete_configuration_is_accepted()
    {
        Assert.Null(Validate(new()
        {
            ["Discord:Token"] = GoodToken,
            ["Discord:ApplicationId"] = "775799577604522054",
            ["Discord:DevelopmentGuildId"] = "290926798626357999",
            ["Discord:FreeTextChannelIds:0"] = "290926798999357250, 290926798999357251",
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardId"] = "1",
            ["Discord:GatewayUrl"] = "wss://gateway.example/",
            ["Discord:RestBaseUrl"] = "https://proxy.example/api/v10",
        }));
    }

    [Theory]
    [InlineData("not-a-token-but-long-enough-to-pass-length", "malformed")]
    [InlineData("MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abc def", "malformed")]
    [InlineData("Bot MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB", "prefix")]
    [InlineData("MTA4NzY1NDMyMTA5ODc2NTQzMg..abcdefghijklmnopqrstuvwxyz0123456789AB", "malformed")]
    public void A_malformed_token_is_named_without_showing_it(string token, string expected)
    {
        var ex = Validate(new() { ["Discord:Token"] = token });

        Assert.NotNull(ex);
        var text = string.Join("\n", ex.Failures) + ex.Message;
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz", text, StringComparison.Ordinal);
    }

    public static TheoryData<Dictionary<string, string?>, string> BadShardSelections => new()
    {
        { new() { ["Discord:ShardIds"] = "0-8" }, "Discord:ShardIds is invalid: '0-8' reaches shard 8, but there are only 8 shard(s)" },
        { new() { ["Discord:ShardIds"] = "3-1" }, "Discord:ShardIds is invalid: the range '3-1' runs backwards" },
        { new() { ["Discord:ShardIds"] = "0-3,2" }, "Discord:ShardIds is invalid: shard 2 is listed twice" },
        { new() { ["Discord:ShardIds"] = "a-b" }, "Discord:ShardIds is invalid: 'a-b' is neither a shard id" },
        { new() { ["Discord:ShardIds"] = "1,,2" }, "Discord:ShardIds is invalid: '1,,2' has an empty entry" },
        { new() { ["Discord:ShardIds"] = "0-1", ["Discord:ShardId"] = "1" }, "Set only one of Discord:ShardId, Discord:ShardIds and Discord:ShardsPerPod" },
        { new() { ["Discord:ShardsPerPod"] = "3" }, "Discord:ShardsPerPod needs this pod's ordinal" },
        { new() { ["Discord:ShardsPerPod"] = "3", ["Discord:PodName"] = "bot" }, "Discord:PodName 'bot' does not end in -<ordinal>" },
        { new() { ["Discord:ShardsPerPod"] = "3", ["Discord:PodOrdinal"] = "3" }, "Discord:ShardsPerPod with pod ordinal 3: pod 3 would start at shard 9, past the last shard (7); 8 shard(s) at 3 per pod need exactly 3 replica(s)" },
        { new() { ["Discord:ShardsPerPod"] = "0", ["Discord:PodOrdinal"] = "0" }, "Discord:ShardsPerPod must be a positive whole number" },
    };

    [Theory]
    [MemberData(nameof(BadShardSelections))]
    public void Bad_shard_selections_say_what_is_wrong(Dictionary<string, string?> shardSettings, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Discord:Token"] = GoodToken, ["Discord:ShardCount"] = "8" };
        foreach (var (key, value) in shardSettings)
        {
            settings[key] = value;
        }

        var ex = Validate(settings);

        Assert.NotNull(ex);
        Assert.Contains(ex.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:ShardIds", "0-3", null, "0,1,2,3")]
    [InlineData("Discord:ShardIds", " 6, 1-2 ", null, "1,2,6")]
    [InlineData("Discord:PodOrdinal", "1", "3", "3,4,5")]
    [InlineData("Discord:PodOrdinal", "2", "3", "6,7")]
    [InlineData("Discord:PodName", "ds-reading-bot-gateway-1", "4", "4,5,6,7")]
    public void A_process_runs_exactly_the_shards_it_is_given(string key, string value, string? shardsPerPod, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Discord:Token"] = GoodToken, ["Discord:ShardCount"] = "8", [key] = value };
        if (shardsPerPod is not null)
        {
            settings["Discord:ShardsPerPod"] = shardsPerPod;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddDiscordBot(configuration).BuildServiceProvider();
        var gateway = provider.GetRequiredService<IOptions<Bot.Discord.Gateway.GatewayOptions>>().Value;
        var plan = Bot.Discord.Gateway.ShardPlan.Resolve(gateway, new Bot.Discord.Gateway.GatewayBotInfo("wss://gateway.discord.gg", 16, new Bot.Discord.Gateway.SessionStartLimit(1000, 1000, 0, 1)));

        Assert.Equal(expected, string.Join(",", plan.ShardIds));
        Assert.Equal(8, plan.ShardCount);
    }

    [Fact]
    public void A_missing_token_says_where_to_put_one()
    {
        var ex = Validate(new() { ["Discord:ApplicationId"] = "1" });

        Assert.Contains(ex!.Failures, f => f.Contains("DISCORD_TOKEN", StringComparison.Ordinal) && f.Contains("Discord__TokenFile", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:ShardCount", "zero", "Discord:ShardCount must be 'auto' or a positive whole number")]
    [InlineData("Discord:ShardCount", "0", "Discord:ShardCount must be 'auto' or a positive whole number")]
    [InlineData("Discord:ShardId", "3", "Discord:ShardId needs an explicit Discord:ShardCount")]
    [InlineData("Discord:ShardIds", "0-3", "Discord:ShardIds needs an explicit Discord:ShardCount")]
    [InlineData("Discord:ShardsPerPod", "2", "Discord:ShardsPerPod needs an explicit Discord:ShardCount")]
    [InlineData("Discord:FreeTextChannelIds:0", "general", "Discord:FreeTextChannelIds contains 'general'")]
    [InlineData("Discord:FreeTextChannelIds:0", "290926798999357250,#help", "Discord:FreeTextChannelIds contains '#help'")]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId must be an application id")]
    [InlineData("Discord:DevelopmentGuildId", "-5", "Discord:DevelopmentGuildId must be a guild id")]
    [InlineData("Discord:GatewayUrl", "https://gateway.example", "Discord:GatewayUrl must be an absolute ws:// or wss:// URL")]
    [InlineData("Discord:RestBaseUrl", "ftp://x", "Discord:RestBaseUrl must be an absolute http:// or https:// URL")]
    [InlineData("Discord:DeferAfter", "00:00:05", "Discord:DeferAfter must be between")]
    [InlineData("Discord:UserCooldown", "-00:00:01", "Discord:UserCooldown must be between")]
    public void Bad_settings_stop_with_a_clear_message(string key, string value, string expected)
    {
        var ex = Validate(new() { ["Discord:Token"] = GoodToken, [key] = value });

        Assert.NotNull(ex);
        Assert.Contains(ex.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(GoodToken, string.Join("\n", ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_pasted_into_another_setting_is_redacted()
    {
        var ex = Validate(new() { ["Discord:Token"] = GoodToken, ["Discord:FreeTextChannelIds:0"] = GoodToken });

        var text = string.Join("\n", ex!.Failures);
        Assert.Contains("<redacted>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodToken[..20], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_sources_in_order_environment_variable_then_setting_then_file_trimmed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "\n  from-file.aaa.bbb \r\n");
            Assert.Equal(("DISCORD_TOKEN", "from-env.a.b"), Resolve(new() { ["DISCORD_TOKEN"] = "from-env.a.b", ["Discord:Token"] = "x", ["Discord:TokenFile"] = file }));
            Assert.Equal(("Discord:Token", "from-config.a.b"), Resolve(new() { ["Discord:Token"] = " from-config.a.b ", ["Discord:TokenFile"] = file }));
            Assert.Equal(("Discord:TokenFile", "from-file.aaa.bbb"), Resolve(new() { ["Discord:TokenFile"] = file }));
            Assert.True(DiscordTokenSource.IsConfigured(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:TokenFile"] = file }).Build()));
            Assert.False(DiscordTokenSource.IsConfigured(new ConfigurationBuilder().Build()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_unreadable_token_file_is_reported_by_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "token");

        var ex = Validate(new() { ["Discord:TokenFile"] = missing });

        Assert.Contains(ex!.Failures, f => f.Contains(missing, StringComparison.Ordinal) && f.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_real_host_stops_at_start_with_the_message_and_never_the_token()
    {
        const string badToken = "mfa.ThisIsASecretThatMustNeverBeShownAnywhere_0123456789";
        var logs = new CapturingLoggerProvider();
        var builder = DiscordBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = badToken,
            ["Discord:ShardCount"] = "many",
            ["Discord:FreeTextChannelIds:0"] = "general",
            ["Catalog:DataDirectory"] = RealAssistant.DataDirectory,
        });
        builder.Logging.AddProvider(logs);
        using var error = new StringWriter();

        var exit = await DiscordBotHost.RunAsync(builder, error, CancellationToken.None);

        var text = error.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("The Discord token (from DISCORD_TOKEN) is malformed", text, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardCount must be 'auto' or a positive whole number; got 'many'", text, StringComparison.Ordinal);
        Assert.Contains("Discord:FreeTextChannelIds contains 'general'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretThatMustNever", text + logs.AllText, StringComparison.Ordinal);
    }

    private static (string Source, string? Token) Resolve(Dictionary<string, string?> settings)
    {
        var resolution = DiscordTokenSource.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return (resolution.Source, resolution.Token);
    }
}
