using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Inbound;

/// <summary>
/// An interaction (INTERACTION_CREATE). Received over the gateway it must be answered over HTTP within 3 seconds;
/// <see cref="Token"/> is a secret valid for 15 minutes and must never be logged.
/// </summary>
public sealed record Interaction
{
    public required ulong Id { get; init; }

    /// <summary>Absent in some older payloads (the docs' own example predates it).</summary>
    public ulong? ApplicationId { get; init; }

    public required InteractionType Type { get; init; }

    /// <summary>Present for every type except PING.</summary>
    public InteractionData? Data { get; init; }

    public ulong? GuildId { get; init; }

    public PartialChannel? Channel { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>Sent when invoked in a guild (includes <see cref="GuildMember.Permissions"/>).</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Sent when invoked in a DM.</summary>
    public User? User { get; init; }

    public required string Token { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>For components (and modals opened from components): the message they were attached to.</summary>
    public Message? Message { get; init; }

    /// <summary>Permissions of the app where the interaction happened (decimal bit-set string).</summary>
    public string? AppPermissions { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public InteractionContextType? Context { get; init; }

    public long? AttachmentSizeLimit { get; init; }

    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    [JsonIgnore]
    public User? InvokingUser => Member?.User ?? User;
}

/// <summary>Interaction type values.</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>Where an interaction was triggered from.</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>The partial channel sent with an interaction.</summary>
public sealed record PartialChannel
{
    public required ulong Id { get; init; }

    public int Type { get; init; }

    public string? Name { get; init; }

    public ulong? GuildId { get; init; }
}
