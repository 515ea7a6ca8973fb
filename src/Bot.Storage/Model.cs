namespace Bot.Storage;

/// <summary>Where an item stands on a reader's list: saved for later, or read.</summary>
public enum ReaderItemStatus
{
    Saved,
    Read,
}

/// <summary>One catalog item on a reader's list. <see cref="ReadAt"/> and <see cref="Rating"/> are set once it is read.</summary>
public sealed record ReaderItem(
    ulong ReaderId,
    string ItemId,
    ReaderItemStatus Status,
    int? Rating,
    DateTimeOffset SavedAt,
    DateTimeOffset? ReadAt);

/// <summary>An item the reader asked not to be recommended again.</summary>
public sealed record DismissedItem(ulong ReaderId, string ItemId, DateTimeOffset DismissedAt);

/// <summary>The feedback buttons under a recommendation page.</summary>
public enum FeedbackChoice
{
    Useful,
    TooEasy,
    TooHard,
    NotForMe,
}

/// <summary>
/// A vote to record. <see cref="RequestKey"/> identifies the recommendation request the page belongs to (one vote per
/// reader, item and request key); <see cref="RequestText"/> is the normalized request (e.g. "/recommend raft beginner"),
/// kept so votes can become graded judgments for the ranker. <see cref="ServerId"/> is null in DMs.
/// </summary>
public sealed record FeedbackVoteInput(
    ulong ReaderId,
    string ItemId,
    string RequestKey,
    FeedbackChoice Choice,
    string RequestText,
    int Page,
    int Rank,
    ulong? ServerId);

/// <summary>A stored vote.</summary>
public sealed record FeedbackVote(
    ulong ReaderId,
    string ItemId,
    string RequestKey,
    FeedbackChoice Choice,
    string RequestText,
    int Page,
    int Rank,
    ulong? ServerId,
    DateTimeOffset VotedAt);

/// <summary>What recording a vote did: a first vote, a changed choice, or the same choice again (nothing written).</summary>
public enum VoteOutcome
{
    Recorded,
    Replaced,
    Unchanged,
}

/// <summary>Reader levels a server can default to; matches the catalog's level names.</summary>
public static class ReaderLevels
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "beginner", "intermediate", "advanced" };
}

/// <summary>
/// Per-server settings from <c>/config</c>. Cooldowns are in whole seconds; <see cref="DefaultLevel"/> is null when
/// the server has none; <see cref="TrainingOptIn"/> says whether the server's feedback may train the ranker.
/// </summary>
public sealed record ServerConfig(
    ulong ServerId,
    IReadOnlyList<ulong> FreeTextChannelIds,
    int UserCooldownSeconds,
    int ChannelCooldownSeconds,
    string? DefaultLevel,
    bool TrainingOptIn)
{
    /// <summary>A server that never ran /config: the free-text cooldowns the bot uses by default (10 s per user, 3 s per channel).</summary>
    public static ServerConfig Default(ulong serverId) => new(serverId, [], 10, 3, null, false);
}

/// <summary>Paper-of-the-week schedule: post in <see cref="ChannelId"/> on <see cref="Weekday"/> at <see cref="HourUtc"/>.</summary>
public sealed record ClubSchedule(ulong ServerId, ulong ChannelId, DayOfWeek Weekday, int HourUtc, bool Enabled);

/// <summary>
/// One week's pick. <see cref="WeekKey"/> is the ISO week ("2025-W07"); <see cref="MessageId"/> and
/// <see cref="PostedAt"/> stay null until the post is acknowledged, so a restart can finish a pick that was chosen
/// but not posted.
/// </summary>
public sealed record ClubPick(
    ulong ServerId,
    string WeekKey,
    string ItemId,
    ulong ChannelId,
    DateTimeOffset ChosenAt,
    ulong? MessageId,
    DateTimeOffset? PostedAt);

/// <summary>How many of a server's list-keeping members have read an item.</summary>
public sealed record ItemReadCount(string ItemId, int ReadersWhoRead, int ReadersWithLists);

/// <summary>Everything stored about one reader, for <c>/my-data</c>.</summary>
public sealed record ReaderExport(
    ulong ReaderId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ReaderItem> Items,
    IReadOnlyList<DismissedItem> Dismissed,
    IReadOnlyList<FeedbackVote> Votes,
    IReadOnlyList<ulong> ServerIds);

/// <summary>A held lease: who holds it and until when.</summary>
public sealed record Lease(string Name, string Holder, DateTimeOffset ExpiresAt);
