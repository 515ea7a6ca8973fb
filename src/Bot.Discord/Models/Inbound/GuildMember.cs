namespace Bot.Discord.Models.Inbound;

/// <summary>
/// A guild member. In MESSAGE_CREATE and resolved data the member is partial: <see cref="User"/> is absent there
/// and the author comes from the enclosing object.
/// </summary>
public sealed record GuildMember
{
    public User? User { get; init; }

    public string? Nick { get; init; }

    public string? Avatar { get; init; }

    public IReadOnlyList<ulong> Roles { get; init; } = [];

    public DateTimeOffset? JoinedAt { get; init; }

    public bool? Pending { get; init; }

    /// <summary>Total permissions of the member in the channel (bit set as a decimal string); only in interactions.</summary>
    public string? Permissions { get; init; }
}
