namespace Bot.Storage.Load;

/// <summary>What the database holds, counted with plain SQL, against what the clients saw acknowledged.</summary>
internal sealed record DatabaseCount(
    int VoteRows,
    int DoubledVotes,
    int LostVotes,
    int VotesWithOtherChoice,
    int UnacknowledgedVoteRows,
    int ItemRows,
    int LostItems,
    int LostReads)
{
    public static async Task<DatabaseCount> TakeAsync(StorageTarget target, AckJournal journal)
    {
        await using var connection = await target.OpenRawAsync();
        var votes = new Dictionary<(ulong, string, string), string>();
        var voteRows = 0;
        var doubled = 0;
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT reader_id, item_id, request_key, choice FROM feedback_votes";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                voteRows++;
                var key = (unchecked((ulong)reader.GetInt64(0)), reader.GetString(1), reader.GetString(2));
                if (!votes.TryAdd(key, reader.GetString(3)))
                {
                    doubled++;
                }
            }
        }

        var items = new Dictionary<(ulong, string), string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT reader_id, item_id, status FROM reader_items";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items[(unchecked((ulong)reader.GetInt64(0)), reader.GetString(1))] = reader.GetString(2);
            }
        }

        var lostVotes = journal.Votes.Keys.Count(k => !votes.ContainsKey(k));
        var otherChoice = journal.Votes.Count(p => votes.TryGetValue(p.Key, out var stored) && stored != p.Value);
        var unacknowledged = votes.Keys.Count(k => !journal.Votes.ContainsKey(k));
        var lostItems = journal.Items.Keys.Count(k => !items.ContainsKey(k));
        var lostReads = journal.Items.Count(p => p.Value && items.TryGetValue(p.Key, out var status) && status != "read");
        return new DatabaseCount(voteRows, doubled, lostVotes, otherChoice, unacknowledged, items.Count, lostItems, lostReads);
    }

    public override string ToString() =>
        $"votes: {VoteRows} rows, {LostVotes} lost, {DoubledVotes} doubled, {VotesWithOtherChoice} with another choice than the last acknowledged, {UnacknowledgedVoteRows} never acknowledged; " +
        $"list items: {ItemRows} rows, {LostItems} lost, {LostReads} reads lost";
}
