using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Rest.Responses;
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
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
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
        Assert.Equal(["recommend", "paper", "topics", "help", "save", "read", "remove", "list", "path", "forget-me", "my-data", "config", "club"], _rest.CommandsIn(Guild.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(c => (string)c!["name"]!));
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
    [InlineData("autocomplete")]
    [InlineData("choice value")]
    [InlineData("option order")]
    [InlineData("max_value")]
    [InlineData("max_length")]
    [InlineData("channel_types")]
    [InlineData("type")]
    [InlineData("default_member_permissions")]
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
                stored[0]!["options"]![0]!["required"] = false;
                break;
            case "default_member_permissions":
                stored.Single(c => (string)c!["name"]! == "config")!["default_member_permissions"] = null;
                break;
            case "extra":
                stored.Add(new JsonObject { ["id"] = "1", ["name"] = "cardsearch", ["type"] = 1, ["description"] = "old", ["version"] = "1" });
                break;
            case "missing":
                stored.RemoveAt(3);
                break;
            case "autocomplete":
                stored[0]!["options"]![0]!.AsObject().Remove("autocomplete");
                break;
            case "choice value":
                stored[0]!["options"]![1]!["choices"]![0]!["value"] = "novice";
                break;
            case "option order":
                var options = stored[0]!["options"]!.AsArray();
                var kind = options[2]!;
                options.RemoveAt(2);
                options.Add(kind);
                break;
            case "max_value":
                stored[0]!["options"]![3]!["max_value"] = 25;
                break;
            case "max_length":
                stored[1]!["options"]![0]!.AsObject().Remove("max_length");
                break;
            case "channel_types":
                stored[1]!["options"]![0]!["channel_types"] = new JsonArray(0, 5);
                break;
            case "type":
                stored[2]!["type"] = 2;
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
            // Discord echoes the permission bits as a string, and the contexts the bot set (else its own defaults).
            copy["default_member_permissions"] = command["default_member_permissions"]?.ToJsonString();
            copy["dm_permission"] = true;
            copy["contexts"] = command["contexts"]?.DeepClone();
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

                    if (option["min_value"] is { } min && min.GetValue<double>() == 1)
                    {
                        option["min_value"] = 1.0;
                    }
                }
            }

            fromDiscord.Add(copy);
        }

        var registered = JsonSerializer.Deserialize<IReadOnlyList<RegisteredCommand>>(fromDiscord.ToJsonString(), DiscordJson.Options)!;

        Assert.Empty(CommandComparer.Differences(BotCommands.All, registered));
    }

    [Fact]
    public void Numbers_compare_by_value_and_contexts_as_sets_but_only_when_the_bot_sets_them()
    {
        ApplicationCommand[] wanted =
        [
            ApplicationCommand.ChatInput(
                "roll",
                "Roll a die",
                new ApplicationCommandOption(ApplicationCommandOptionType.Integer, "sides", "Sides")
                {
                    Choices = [CommandChoice.Integer("Six", 6), CommandChoice.Integer("Twenty", 20)],
                },
                new ApplicationCommandOption(ApplicationCommandOptionType.Number, "bias", "Bias") { MinValue = 0.5, MaxValue = 2 })
                with { Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm] },
            ApplicationCommand.ChatInput("ping", "Ping"),
        ];
        const string Template = """
            [{"id": "1", "application_id": "2", "version": "3", "type": 1, "name": "roll", "description": "Roll a die", "contexts": [{{CONTEXTS}}],
              "options": [{"type": 4, "name": "sides", "description": "Sides", "choices": [{"name": "Six", "value": 6.0}, {"name": "Twenty", "value": {{TWENTY}}}]},
                          {"type": 10, "name": "bias", "description": "Bias", "min_value": 0.50, "max_value": 2.0}]},
             {"id": "4", "application_id": "2", "version": "5", "type": 1, "name": "ping", "description": "Ping", "contexts": [0, 1, 2], "integration_types": [0]}]
            """;
        IReadOnlyList<RegisteredCommand> Registered(string contexts, string twenty) =>
            JsonSerializer.Deserialize<IReadOnlyList<RegisteredCommand>>(
                Template.Replace("{{CONTEXTS}}", contexts, StringComparison.Ordinal).Replace("{{TWENTY}}", twenty, StringComparison.Ordinal),
                DiscordJson.Options)!;

        Assert.Empty(CommandComparer.Differences(wanted, Registered("1, 0", "20")));
        Assert.Equal(["'roll' differs: contexts"], CommandComparer.Differences(wanted, Registered("0, 1, 2", "20")));
        Assert.Equal(["'roll' differs: option 'sides' choices"], CommandComparer.Differences(wanted, Registered("0, 1", "\"20\"")));
        Assert.Equal(["'roll' differs: option 'sides' choices"], CommandComparer.Differences(wanted, Registered("0, 1", "21")));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_registered_commands_are_read_through_the_rest_client_with_its_retries()
    {
        _rest.Enqueue("GET", GuildCommands, FakeRestResponse.ServerError(), FakeRestResponse.BadGateway());

        Assert.Equal(CommandRegistrationOutcome.Overwritten, await _registrar.EnsureRegisteredAsync(_rest.ApplicationId, Guild, CancellationToken.None));

        Assert.Equal(3, _rest.RequestsTo("GET", GuildCommands).Count);
        Assert.Single(_rest.RequestsTo("PUT", GuildCommands));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rejected_token_on_the_read_disables_the_rest_client_and_nothing_is_written()
    {
        _rest.Enqueue("GET", GlobalCommands, FakeRestResponse.Unauthorized());

        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => _registrar.EnsureRegisteredAsync(_rest.ApplicationId, null, CancellationToken.None));

        Assert.True(_services.GetRequiredService<DiscordRestClient>().IsDisabled);
        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => _registrar.EnsureRegisteredAsync(_rest.ApplicationId, null, CancellationToken.None));
        Assert.Single(_rest.Requests);
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
