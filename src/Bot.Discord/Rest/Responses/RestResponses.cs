using Bot.Discord.Models.Outbound;

namespace Bot.Discord.Rest.Responses;

/// <summary>The parts of a message object the bot uses after sending or editing one.</summary>
public sealed record DiscordMessage
{
    public ulong Id { get; init; }

    public ulong ChannelId { get; init; }

    public string? Content { get; init; }

    public int? Flags { get; init; }

    public ulong? WebhookId { get; init; }

    public ulong? ApplicationId { get; init; }
}

/// <summary>A registered application command as Discord returns it.</summary>
public sealed record RegisteredCommand
{
    public ulong Id { get; init; }

    public ulong ApplicationId { get; init; }

    public ulong? GuildId { get; init; }

    public string Name { get; init; } = "";

    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    public string? Description { get; init; }

    /// <summary>Autoincrementing version id, changed on every update.</summary>
    public ulong Version { get; init; }

    public IReadOnlyList<RegisteredCommandOption>? Options { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    /// <summary>Discord returns the permission bits as a string; read either form.</summary>
    public System.Text.Json.JsonElement? DefaultMemberPermissions { get; init; }

    /// <summary><see cref="DefaultMemberPermissions"/> as a number; null when absent or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? ParsedDefaultMemberPermissions => DefaultMemberPermissions switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: System.Text.Json.JsonValueKind.String } s when long.TryParse(s.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };
}

/// <summary>An option of a registered command, with enough detail to compare it with the desired definition.</summary>
public sealed record RegisteredCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<RegisteredCommandChoice>? Choices { get; init; }

    public IReadOnlyList<RegisteredCommandOption>? Options { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>CHANNEL options only: the channel types the option is restricted to (Discord channel type numbers).</summary>
    public IReadOnlyList<int>? ChannelTypes { get; init; }
}

/// <summary>A registered choice; <see cref="Value"/> is a JSON string or number.</summary>
public sealed record RegisteredCommandChoice(string Name, System.Text.Json.JsonElement Value);

/// <summary><c>GET /applications/@me</c>, reduced to what the bot needs.</summary>
public sealed record CurrentApplication
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";
}

/// <summary><c>GET /users/@me</c>, reduced to what the bot needs.</summary>
public sealed record CurrentUser
{
    public ulong Id { get; init; }

    public string Username { get; init; } = "";

    public bool? Bot { get; init; }
}

internal sealed record GatewayBotResponse(string Url, int Shards, GatewayBotSessionStartLimit SessionStartLimit);

internal sealed record GatewayBotSessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
