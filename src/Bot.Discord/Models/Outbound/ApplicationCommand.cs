using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Outbound;

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>Where a command may be used (replaces the deprecated <c>dm_permission</c>).</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}

/// <summary>
/// One entry of the bulk-overwrite body (<c>PUT .../commands</c>). USER and MESSAGE commands have no description.
/// </summary>
public sealed record ApplicationCommand(string Name)
{
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    public string? Description { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    /// <summary>
    /// Permission bits a member needs to see and use the command by default (server admins can change that, so the
    /// bot checks again on receipt). Sent as a number, as the OpenAPI spec types it; null means everyone.
    /// </summary>
    public long? DefaultMemberPermissions { get; init; }

    public static ApplicationCommand ChatInput(
        string name, string description, params IReadOnlyList<ApplicationCommandOption> options) =>
        new(name) { Description = description, Options = options.Count == 0 ? null : options };
}

public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description)
{
    public bool? Required { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    /// <summary>STRING/INTEGER/NUMBER only; not together with <see cref="Choices"/>.</summary>
    public bool? Autocomplete { get; init; }

    /// <summary>Sub-options of a SUB_COMMAND or SUB_COMMAND_GROUP.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }
}

/// <summary>A command option choice, also used for autocomplete results. Value is a string, integer or double.</summary>
public sealed record CommandChoice
{
    private CommandChoice(string name, object value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    [JsonConverter(typeof(ChoiceValueConverter))]
    public object Value { get; }

    public static CommandChoice String(string name, string value) => new(name, value);

    public static CommandChoice Integer(string name, long value) => new(name, value);

    public static CommandChoice Number(string name, double value) => new(name, value);

    private sealed class ChoiceValueConverter : JsonConverter<object>
    {
        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Choices are only written.");

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case string s: writer.WriteStringValue(s); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
                default: throw new JsonException($"Unsupported choice value type {value.GetType()}.");
            }
        }
    }
}
