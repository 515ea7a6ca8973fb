using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private const ulong Guild = 290926798626357999;
    private const string GuildCommands = "/applications/{application_id}/guilds/{guild_id}/commands";
    private const string GlobalCommands = "/applications/{application_id}/commands";

    private FakeRestServer _rest = null!;
    private ServiceProvider _services = null!;
    private CommandRegistrar _registrar = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeRestServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordRest(o =>
        {
            o.Token = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
            o.BaseUrl = _rest.BaseUrl;
        });
        services.AddSingleton<IRegisteredCommandsReader, RegisteredCommandsReader>();
        services.AddSingleton<CommandRegistrar>();
        _services = services.BuildServiceProvider();
        _registrar = _services.GetRequiredService<CommandRegistrar>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _rest.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Registers_when_missing_and_writes_nothing_when_already_equal()
    {
        Assert.Equal(CommandRegistrationOutcome.Overwritten, await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, Guild, CancellationToken.None));
        Assert.Equal(CommandRegistrationOutcome.Unchanged, await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, Guild, CancellationToken.None));

        Assert.Equal(2, _rest.RequestsTo("GET", GuildCommands).Count);
        var put = Assert.Single(_rest.RequestsTo("PUT", GuildCommands));
        Assert.Empty(_rest.RequestsTo("PUT", GlobalCommands));
        Assert.Equal(["recommend", "paper", "topics", "help"], _rest.CommandsIn(Guild.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(c => (string)c!["name"]!));
        Assert.StartsWith("Bot ", put.Header("Authorization"), StringComparison.Ordinal);
        Assert.StartsWith("DiscordBot (", Assert.Single(_rest.RequestsTo("GET", GuildCommands).Take(1)).Header("User-Agent"), StringComparison.Ordinal);
        var contract = await OpenApiContract.ValidateAsync(_rest.Requests);
        Assert.True(contract.IsValid, contract.ToString());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("description")]
    [InlineData("choice")]
    [InlineData("required")]
    [InlineData("extra")]
    [InlineData("missing")]
    public async Task Any_semantic_change_on_discords_side_is_overwritten(string change)
    {
        await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, null, CancellationToken.None);
        var stored = _rest.CommandsIn("global");
        switch (change)
        {
            case "description":
                stored[0]!["description"] = "An older description";
                break;
            case "choice":
                stored[0]!["options"]![1]!["choices"]!.AsArray().RemoveAt(2);
                break;
            case "required":
                stored[0]!["options"]![1]!["required"] = false;
                break;
            case "extra":
                stored.Add(new JsonObject { ["id"] = "1", ["name"] = "cardsearch", ["type"] = 1, ["description"] = "old", ["version"] = "1" });
                break;
            case "missing":
                stored.RemoveAt(3);
                break;
        }

        Assert.Equal(CommandRegistrationOutcome.Overwritten, await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, null, CancellationToken.None));
        Assert.Equal(2, _rest.RequestsTo("PUT", GlobalCommands).Count);
        Assert.Equal(CommandRegistrationOutcome.Unchanged, await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, null, CancellationToken.None));
    }

    [Fact]
    public void Server_assigned_fields_and_documented_defaults_do_not_count_as_changes()
    {
        var wanted = JsonSerializer.SerializeToNode(BotCommands.All, DiscordJson.Options)!.AsArray();
        var fromDiscord = new JsonArray();
        foreach (var command in wanted.Reverse())
        {
            var copy = command!.DeepClone().AsObject();
            copy["id"] = "1234567890";
            copy["application_id"] = "775799577604522054";
            copy["version"] = "99";
            copy["default_member_permissions"] = null;
            copy["dm_permission"] = true;
            copy["contexts"] = null;
            copy["integration_types"] = new JsonArray(0);
            copy["nsfw"] = false;
            copy["type"] ??= 1;
            if (copy["options"] is JsonArray options)
            {
                foreach (var option in options)
                {
                    if (option!["required"]?.GetValue<bool>() == false)
                    {
                        option.AsObject().Remove("required");
                    }

                    if (option["min_value"] is not null)
                    {
                        option["min_value"] = 1.0;
                    }
                }
            }

            fromDiscord.Add(copy);
        }

        using var document = JsonDocument.Parse(fromDiscord.ToJsonString());

        Assert.Empty(CommandComparer.Differences(BotCommands.All, document.RootElement));
    }

    [Fact]
    public void The_command_set_passes_the_clients_validator_and_describes_recommend_as_specified()
    {
        Assert.Empty(MessageValidator.Validate(BotCommands.All));
        var recommend = BotCommands.All.Single(c => c.Name == "recommend");
        Assert.Equal(["topic", "level", "kind", "count"], recommend.Options!.Select(o => o.Name));
        Assert.True(recommend.Options![0].Autocomplete);
        Assert.Equal(["beginner", "intermediate", "advanced"], recommend.Options[1].Choices!.Select(c => c.Value));
        Assert.Equal((1.0, 10.0), (recommend.Options[3].MinValue!.Value, recommend.Options[3].MaxValue!.Value));
        Assert.True(BotCommands.All.Single(c => c.Name == "paper").Options![0].Autocomplete);
    }
}
