using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;

namespace Bot.Discord.Testing;

/// <summary>
/// The rules Discord documents but its OpenAPI spec lacks (content 2000, embed totals, command-name pattern,
/// allowed_mentions exclusivity, choice lengths…). They live in one place, the bot's own
/// <see cref="MessageValidator"/>; this reads a body that already fits the spec back into the bot's model and asks it.
/// </summary>
internal static class DocumentedRules
{
    private static readonly JsonSerializerOptions ReadOptions = CreateReadOptions();

    /// <summary>Broken rules as (JSON pointer, message); empty when the operation has no such rules.</summary>
    public static IReadOnlyList<(string Pointer, string Message)> Check(string operationId, JsonElement body)
    {
        IReadOnlyList<PayloadViolation> violations;
        try
        {
            violations = operationId switch
            {
                "create_message" => MessageValidator.Validate(Read<MessagePayload>(body), MessageTarget.ChannelMessage),
                "execute_webhook" => MessageValidator.Validate(Read<MessagePayload>(body), MessageTarget.FollowUp),
                "update_original_webhook_message" or "update_webhook_message" =>
                    MessageValidator.Validate(Read<MessagePayload>(body), MessageTarget.EditOriginal),
                "create_interaction_response" => CheckInteractionResponse(body),
                "bulk_set_application_commands" or "bulk_set_guild_application_commands" =>
                    MessageValidator.Validate(Read<List<ApplicationCommand>>(body)),
                "create_application_command" or "create_guild_application_command"
                    or "update_application_command" or "update_guild_application_command" =>
                    MessageValidator.Validate(Read<ApplicationCommand>(body)),
                _ => [],
            };
        }
        catch (JsonException e)
        {
            return [(e.Path is { } p ? ToPointer(p) : "", $"does not read as the bot's model: {e.Message}")];
        }

        return violations.Select(v => (ToPointer(v.Path), v.Message)).ToList();
    }

    private static IReadOnlyList<PayloadViolation> CheckInteractionResponse(JsonElement body)
    {
        var type = (InteractionCallbackType)body.GetProperty("type").GetInt32();
        var data = body.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d : (JsonElement?)null;
        var messageTarget = type switch
        {
            InteractionCallbackType.ChannelMessageWithSource => MessageTarget.InteractionResponse,
            InteractionCallbackType.DeferredChannelMessageWithSource => MessageTarget.DeferredInteractionResponse,
            InteractionCallbackType.UpdateMessage => MessageTarget.InteractionUpdate,
            _ => (MessageTarget?)null,
        };
        if (messageTarget is { } target)
        {
            var message = data is { } m ? Read<MessagePayload>(m) : new MessagePayload();
            return MessageValidator.Validate(message, target)
                .Select(v => v with { Path = v.Path.Length == 0 ? "data" : "data." + v.Path })
                .ToList();
        }

        var response = (type, data) switch
        {
            (InteractionCallbackType.ApplicationCommandAutocompleteResult, { } a) =>
                InteractionResponse.Autocomplete(Read<AutocompleteResult>(a).Choices),
            (InteractionCallbackType.Modal, { } modal) => InteractionResponse.Modal(Read<ModalPayload>(modal)),
            _ => null,
        };
        return response is null ? [] : MessageValidator.Validate(response);
    }

    private static T Read<T>(JsonElement element) =>
        element.Deserialize<T>(ReadOptions) ?? throw new JsonException($"null where a {typeof(T).Name} belongs");

    /// <summary><see cref="MessageValidator"/>'s <c>embeds.0.title</c> or System.Text.Json's <c>$.embeds[0]</c> as a JSON pointer.</summary>
    private static string ToPointer(string path)
    {
        var segments = path.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(segments.Select(s => "/" + s));
    }

    private static JsonSerializerOptions CreateReadOptions()
    {
        var options = new JsonSerializerOptions(DiscordJson.Options);
        options.Converters.Add(new CommandChoiceReader());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The bot's <see cref="CommandChoice"/> is write-only; its value is a string, an integer or a number.</summary>
    private sealed class CommandChoiceReader : JsonConverter<CommandChoice>
    {
        public override CommandChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var choice = document.RootElement;
            var name = choice.GetProperty("name").GetString() ?? "";
            var value = choice.GetProperty("value");
            return value.ValueKind switch
            {
                JsonValueKind.String => CommandChoice.String(name, value.GetString()!),
                JsonValueKind.Number when value.TryGetInt64(out var whole) => CommandChoice.Integer(name, whole),
                JsonValueKind.Number => CommandChoice.Number(name, value.GetDouble()),
                _ => throw new JsonException($"choice value is {value.ValueKind}"),
            };
        }

        public override void Write(Utf8JsonWriter writer, CommandChoice value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Only used to read bodies the bot sent.");
    }
}
