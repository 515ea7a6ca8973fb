using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Outbound;

/// <summary>
/// An outgoing message: channel message, interaction response data, follow-up or edit.
/// Null members are omitted from the JSON; to clear a list on an edit, pass an empty list.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    /// <summary>Files the message keeps or gains; a new upload refers to its <c>files[n]</c> part by id <c>n</c>.</summary>
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }

    /// <summary>Only valid for <c>POST /channels/{channel_id}/messages</c> (replies).</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>
    /// Only for channel messages: with <see cref="EnforceNonce"/>, Discord returns the message already created with
    /// this nonce instead of creating it again, so a retry after a lost response cannot post twice (25 characters at most).
    /// </summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public static MessagePayload FromContent(string content) => new() { Content = content };
}

/// <summary>Message flags the client can set (MSG "Message Flags").</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

/// <summary><c>message_reference</c> for a reply (type 0, DEFAULT).</summary>
public sealed record MessageReference(ulong MessageId)
{
    public ulong? ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    /// <summary>When false, a reply to a deleted message is sent as a normal message instead of failing.</summary>
    public bool? FailIfNotExists { get; init; }
}

/// <summary>
/// <c>allowed_mentions</c>. <see cref="None"/> (<c>{"parse":[],"replied_user":false}</c>) pings nobody.
/// <c>parse</c> must not contain <c>users</c>/<c>roles</c> when the matching id list is set.
/// </summary>
public sealed record AllowedMentions
{
    public IReadOnlyList<AllowedMentionType>? Parse { get; init; }

    public IReadOnlyList<ulong>? Users { get; init; }

    public IReadOnlyList<ulong>? Roles { get; init; }

    public bool? RepliedUser { get; init; }

    public static AllowedMentions None { get; } = new() { Parse = [], RepliedUser = false };
}

[JsonConverter(typeof(JsonStringEnumConverter<AllowedMentionType>))]
public enum AllowedMentionType
{
    [JsonStringEnumMemberName("roles")]
    Roles,

    [JsonStringEnumMemberName("users")]
    Users,

    [JsonStringEnumMemberName("everyone")]
    Everyone,
}
