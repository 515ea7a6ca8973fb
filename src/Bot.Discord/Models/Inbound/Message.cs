namespace Bot.Discord.Models.Inbound;

/// <summary>
/// A message as delivered by MESSAGE_CREATE: the message object plus the event's extra fields
/// (<see cref="GuildId"/>, <see cref="Member"/>, <see cref="ChannelType"/>).
/// Without the MESSAGE_CONTENT intent <see cref="Content"/> is empty, except in DMs, messages mentioning the bot
/// and messages the bot sent.
/// </summary>
public sealed record Message
{
    public required ulong Id { get; init; }

    public required ulong ChannelId { get; init; }

    /// <summary>Absent for DMs and ephemeral messages.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>For webhook messages this is the webhook, not a real user: check <see cref="WebhookId"/>.</summary>
    public required User Author { get; init; }

    /// <summary>Partial member of the author in guilds; absent for DMs, ephemeral and webhook messages.</summary>
    public GuildMember? Member { get; init; }

    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public bool Tts { get; init; }

    public bool MentionEveryone { get; init; }

    public IReadOnlyList<User> Mentions { get; init; } = [];

    public IReadOnlyList<ulong> MentionRoles { get; init; } = [];

    public bool Pinned { get; init; }

    public ulong? WebhookId { get; init; }

    public ulong? ApplicationId { get; init; }

    /// <summary>Message type (0 DEFAULT, 19 REPLY, ...).</summary>
    public int Type { get; init; }

    public int? Flags { get; init; }

    /// <summary>Channel type the message was sent in (1 = DM).</summary>
    public int? ChannelType { get; init; }

    public MessageReference? MessageReference { get; init; }
}

/// <summary>Source of a reply, crosspost or forward.</summary>
public sealed record MessageReference
{
    public int? Type { get; init; }

    public ulong? MessageId { get; init; }

    public ulong? ChannelId { get; init; }

    public ulong? GuildId { get; init; }
}
