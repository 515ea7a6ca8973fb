namespace Bot.Storage;

/// <summary>
/// What the bot remembers about servers (study groups): configuration, the paper-of-the-week schedule and picks, and
/// leases that let several bot processes agree on who does a job.
/// </summary>
public interface IServerStore
{
    /// <summary>The server's configuration, or <see cref="ServerConfig.Default"/> when it never set one.</summary>
    Task<ServerConfig> GetConfigAsync(ulong serverId, CancellationToken cancellationToken);

    /// <summary>The server's configuration, or null when it never saved one (so the operator's defaults apply).</summary>
    Task<ServerConfig?> FindConfigAsync(ulong serverId, CancellationToken cancellationToken);

    /// <summary>Replaces the server's configuration (free-text channels included).</summary>
    /// <exception cref="ArgumentException">A cooldown is negative or the default level is unknown; nothing is written.</exception>
    Task SaveConfigAsync(ServerConfig config, CancellationToken cancellationToken);

    Task SetClubScheduleAsync(ClubSchedule schedule, CancellationToken cancellationToken);

    Task<ClubSchedule?> GetClubScheduleAsync(ulong serverId, CancellationToken cancellationToken);

    /// <summary>Every enabled schedule, for the scheduler's tick.</summary>
    Task<IReadOnlyList<ClubSchedule>> GetEnabledClubSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the week's pick unless one exists for that server and week; returns the stored pick either way, so a
    /// process that lost a race posts the winner's choice rather than its own.
    /// </summary>
    Task<ClubPick> RecordClubPickAsync(ulong serverId, string weekKey, string itemId, ulong channelId, CancellationToken cancellationToken);

    /// <summary>Marks the week's pick posted with its message id; false when it was already marked or is missing.</summary>
    Task<bool> MarkClubPickPostedAsync(ulong serverId, string weekKey, ulong messageId, CancellationToken cancellationToken);

    Task<ClubPick?> GetClubPickAsync(ulong serverId, string weekKey, CancellationToken cancellationToken);

    /// <summary>The server's picks, newest week first.</summary>
    Task<IReadOnlyList<ClubPick>> GetClubPicksAsync(ulong serverId, int limit, CancellationToken cancellationToken);

    /// <summary>For each item, how many of the server's members who keep a list have read it.</summary>
    Task<IReadOnlyList<ItemReadCount>> CountReadsAsync(ulong serverId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the named lease for <paramref name="holder"/> until now + <paramref name="duration"/> when it is free,
    /// expired, or already the holder's (which renews it). Exactly one of several concurrent contenders wins.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken);

    Task<Lease?> GetLeaseAsync(string name, CancellationToken cancellationToken);
}
