using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;

namespace Bot.DiscordAdapter.Commands;

/// <summary>
/// Compares the commands the bot wants with those Discord has, by meaning rather than bytes: ids, versions and
/// other server-assigned fields are ignored, omitted values equal their documented defaults (<c>required</c> and
/// <c>autocomplete</c> false, no options, no choices), numbers compare by value, and command order is irrelevant
/// while option and choice order (shown to users) matters.
/// </summary>
public static class CommandComparer
{
    /// <summary>Top-level fields compared only when the bot sets them; Discord fills in its own defaults otherwise.</summary>
    private static readonly string[] OptionalCommandFields = ["contexts", "integration_types", "default_member_permissions", "nsfw"];

    public static bool AreEquivalent(IReadOnlyList<ApplicationCommand> desired, JsonElement registered) =>
        Differences(desired, registered).Count == 0;

    /// <summary>Human-readable differences (command names and what differs); empty when equivalent.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<ApplicationCommand> desired, JsonElement registered)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var wanted = JsonSerializer.SerializeToElement(desired, DiscordJson.Options);
        var want = Index(wanted);
        var have = registered.ValueKind == JsonValueKind.Array ? Index(registered) : [];
        var differences = new List<string>();
        foreach (var (key, command) in want)
        {
            if (!have.TryGetValue(key, out var existing))
            {
                differences.Add($"'{key.Name}' is not registered");
                continue;
            }

            var setFields = OptionalCommandFields.Where(f => command.TryGetProperty(f, out var v) && v.ValueKind != JsonValueKind.Null).ToList();
            var a = Canonical(command, setFields);
            var b = Canonical(existing, setFields);
            if (a != b)
            {
                differences.Add($"'{key.Name}' differs");
            }
        }

        differences.AddRange(have.Keys.Where(k => !want.ContainsKey(k)).Select(k => $"'{k.Name}' is registered but no longer wanted"));
        return differences;
    }

    private static Dictionary<(int Type, string Name), JsonElement> Index(JsonElement commands)
    {
        var index = new Dictionary<(int, string), JsonElement>();
        foreach (var command in commands.EnumerateArray())
        {
            var type = Int(command, "type") ?? 1;
            var name = Str(command, "name") ?? string.Empty;
            index[(type, name)] = command;
        }

        return index;
    }

    private static string Canonical(JsonElement command, IReadOnlyList<string> optionalFields)
    {
        var node = new JsonObject
        {
            ["type"] = Int(command, "type") ?? 1,
            ["name"] = Str(command, "name") ?? string.Empty,
            ["description"] = Str(command, "description") ?? string.Empty,
            ["options"] = Options(command),
        };
        foreach (var field in optionalFields)
        {
            node[field] = command.TryGetProperty(field, out var value) ? Normalize(value) : null;
        }

        return node.ToJsonString();
    }

    private static JsonArray Options(JsonElement parent)
    {
        var result = new JsonArray();
        if (!parent.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var option in options.EnumerateArray())
        {
            var choices = new JsonArray();
            if (option.TryGetProperty("choices", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in list.EnumerateArray())
                {
                    choices.Add(new JsonObject
                    {
                        ["name"] = Str(choice, "name") ?? string.Empty,
                        ["value"] = choice.TryGetProperty("value", out var value) ? Normalize(value) : null,
                    });
                }
            }

            result.Add(new JsonObject
            {
                ["type"] = Int(option, "type") ?? 0,
                ["name"] = Str(option, "name") ?? string.Empty,
                ["description"] = Str(option, "description") ?? string.Empty,
                ["required"] = Bool(option, "required"),
                ["autocomplete"] = Bool(option, "autocomplete"),
                ["choices"] = choices,
                ["min_value"] = Number(option, "min_value"),
                ["max_value"] = Number(option, "max_value"),
                ["min_length"] = Int(option, "min_length"),
                ["max_length"] = Int(option, "max_length"),
                ["channel_types"] = option.TryGetProperty("channel_types", out var channels) ? Normalize(channels) : null,
                ["options"] = Options(option),
            });
        }

        return result;
    }

    private static JsonNode? Normalize(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => JsonValue.Create(value.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => new JsonArray([.. value.EnumerateArray().Select(Normalize)]),
        _ => JsonNode.Parse(value.GetRawText()),
    };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble().ToString("R", CultureInfo.InvariantCulture)
            : null;
}
