using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Inbound;

/// <summary>
/// The <c>data</c> of an interaction. One shape for all types: application commands and autocomplete fill
/// <see cref="Id"/>/<see cref="Name"/>/<see cref="Type"/>/<see cref="Options"/>; components fill
/// <see cref="CustomId"/>/<see cref="ComponentType"/>/<see cref="Values"/>; modal submits fill
/// <see cref="CustomId"/>/<see cref="Components"/>.
/// </summary>
public sealed record InteractionData
{
    /// <summary>Command id (application commands).</summary>
    public ulong? Id { get; init; }

    /// <summary>Command name (application commands).</summary>
    public string? Name { get; init; }

    /// <summary>Command type: 1 CHAT_INPUT, 2 USER, 3 MESSAGE, 4 PRIMARY_ENTRY_POINT.</summary>
    public int? Type { get; init; }

    /// <summary>Options the user supplied; partial for autocomplete (required options may be missing).</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    public ResolvedData? Resolved { get; init; }

    /// <summary>Guild the command is registered to (guild commands).</summary>
    public ulong? GuildId { get; init; }

    /// <summary>Target user or message of a USER / MESSAGE command.</summary>
    public ulong? TargetId { get; init; }

    /// <summary>Component or modal custom id.</summary>
    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    /// <summary>Selected values of a select menu.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Submitted modal components, kept raw: their shapes vary by component type.</summary>
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>The focused option of an autocomplete interaction, searched through subcommands.</summary>
    [JsonIgnore]
    public InteractionDataOption? FocusedOption => InteractionDataOption.FindFocused(Options);
}

/// <summary>
/// One option of a command invocation: either a value (<see cref="Value"/>) or a subcommand/group with nested
/// <see cref="Options"/>; never both.
/// </summary>
public sealed record InteractionDataOption
{
    public required string Name { get; init; }

    /// <summary>Option type: 1 SUB_COMMAND, 2 SUB_COMMAND_GROUP, 3 STRING, 4 INTEGER, 5 BOOLEAN, 6 USER, 7 CHANNEL,
    /// 8 ROLE, 9 MENTIONABLE, 10 NUMBER, 11 ATTACHMENT.</summary>
    public required int Type { get; init; }

    /// <summary>The raw value: string, integer, double or boolean depending on <see cref="Type"/>.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>True on the option the user is typing in (autocomplete).</summary>
    public bool? Focused { get; init; }

    /// <summary>The value as text for STRING options (also the raw text of any value), or null.</summary>
    public string? GetString() => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    /// <summary>The value of an INTEGER option, or null when absent or not an integer.</summary>
    public long? GetInt64() =>
        Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var result) ? result : null;

    /// <summary>The value of a NUMBER (or INTEGER) option, or null.</summary>
    public double? GetDouble() =>
        Value is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out var result) ? result : null;

    /// <summary>The value of a BOOLEAN option, or null.</summary>
    public bool? GetBoolean() => Value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The snowflake value of USER/CHANNEL/ROLE/MENTIONABLE/ATTACHMENT options (sent as strings).</summary>
    public ulong? GetSnowflake() =>
        Value is { ValueKind: JsonValueKind.String } v && ulong.TryParse(v.GetString(), out var id) ? id : null;

    internal static InteractionDataOption? FindFocused(IReadOnlyList<InteractionDataOption>? options)
    {
        if (options is null)
        {
            return null;
        }

        foreach (var option in options)
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (FindFocused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}

/// <summary>Entities referenced by options, keyed by id. Roles, channels, messages and attachments stay raw.</summary>
public sealed record ResolvedData
{
    public IReadOnlyDictionary<ulong, User>? Users { get; init; }

    /// <summary>Partial members (no <c>user</c>, <c>deaf</c>, <c>mute</c>); the user is in <see cref="Users"/>.</summary>
    public IReadOnlyDictionary<ulong, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<ulong, JsonElement>? Roles { get; init; }

    public IReadOnlyDictionary<ulong, JsonElement>? Channels { get; init; }

    public IReadOnlyDictionary<ulong, JsonElement>? Messages { get; init; }

    public IReadOnlyDictionary<ulong, JsonElement>? Attachments { get; init; }
}
