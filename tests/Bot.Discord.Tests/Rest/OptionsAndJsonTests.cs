using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Rest;

public sealed class OptionsAndJsonTests
{
    private static OptionsValidationException Invalid(Action<DiscordRestOptions> configure)
    {
        using var services = new ServiceCollection().AddDiscordRest(configure).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordRestOptions>>().Value);
    }

    [Fact]
    public void Missing_token_is_rejected()
    {
        Assert.Contains("Token", Invalid(_ => { }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_are_rejected_without_echoing_the_token()
    {
        var error = Invalid(o =>
        {
            o.Token = "Bot " + RestHarness.Token;
            o.BaseUrl = new Uri("ftp://example.org/");
            o.MaxRetries = 99;
        });

        Assert.DoesNotContain(RestHarness.Token, error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_point_at_discord_v10()
    {
        using var services = new ServiceCollection().AddDiscordRest(o => o.Token = "abc").BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<DiscordRestOptions>>().Value;

        Assert.Equal(new Uri("https://discord.com/api/v10"), options.BaseUrl);
        Assert.Equal(50, options.GlobalRequestsPerSecond);
    }

    [Fact]
    public void Json_is_snake_case_without_nulls_and_snowflakes_are_strings()
    {
        var payload = new MessagePayload
        {
            Content = "hi",
            AllowedMentions = new AllowedMentions { Users = [80351110224678912], RepliedUser = false },
            MessageReference = new MessageReference(334385199974967042),
        };

        var json = System.Text.Json.JsonSerializer.Serialize(payload, DiscordJson.Options);

        Assert.Equal(
            """{"content":"hi","allowed_mentions":{"users":["80351110224678912"],"replied_user":false},"message_reference":{"message_id":"334385199974967042"}}""",
            json);
        Assert.Equal("""{"parse":[],"replied_user":false}""", System.Text.Json.JsonSerializer.Serialize(AllowedMentions.None, DiscordJson.Options));
    }
}
