namespace Bot.Storage;

/// <summary>
/// What the bot remembers about readers: their lists, dismissals, feedback votes and the servers they were seen in.
/// Every method is one transaction; ids are Discord snowflakes; item ids are catalog ids.
/// </summary>
public interface IReaderStore
{
    /// <summary>Puts an item on the reader's list as saved; an item already there (saved or read) is left as it is.</summary>
    Task<ReaderItem> SaveItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken);

    /// <summary>Marks an item read (adding it if it was not saved), with an optional rating from 1 to 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside 1–5; nothing is written.</exception>
    Task<ReaderItem> MarkReadAsync(ulong readerId, string itemId, int? rating, CancellationToken cancellationToken);

    /// <summary>Takes an item off the reader's list; false when it was not there.</summary>
    Task<bool> RemoveItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken);

    /// <summary>The reader's list, oldest first.</summary>
    Task<IReadOnlyList<ReaderItem>> GetItemsAsync(ulong readerId, CancellationToken cancellationToken);

    /// <summary>Records that the reader does not want the item recommended again (idempotent).</summary>
    Task DismissItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken);

    /// <summary>Lets a dismissed item be recommended again; false when it was not dismissed.</summary>
    Task<bool> UndismissItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DismissedItem>> GetDismissedAsync(ulong readerId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a feedback vote: one per reader, item and request key. The same choice again writes nothing; a different
    /// choice replaces the old one (with the new page and rank).
    /// </summary>
    Task<VoteOutcome> RecordVoteAsync(FeedbackVoteInput vote, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackVote>> GetVotesAsync(ulong readerId, CancellationToken cancellationToken);

    /// <summary>Votes cast in servers whose configuration allows training on feedback (never DMs), oldest first.</summary>
    Task<IReadOnlyList<FeedbackVote>> GetTrainingVotesAsync(CancellationToken cancellationToken);

    /// <summary>Notes that the reader used the bot in a server, so club picks can count the group's readers.</summary>
    Task NoteServerMemberAsync(ulong serverId, ulong readerId, CancellationToken cancellationToken);

    /// <summary>Deletes every row about the reader, in one transaction; returns how many rows went.</summary>
    Task<int> ForgetReaderAsync(ulong readerId, CancellationToken cancellationToken);

    /// <summary>Everything stored about the reader.</summary>
    Task<ReaderExport> ExportReaderAsync(ulong readerId, CancellationToken cancellationToken);
}
