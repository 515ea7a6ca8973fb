using System.Data;
using System.Data.Common;
using Bot.Storage.Sql;

namespace Bot.Storage;

/// <summary>
/// Both stores over one provider. Each public method is one transaction on its own connection; the SQL is shared by
/// the providers and only the <see cref="SqlDialect"/> differs.
/// </summary>
internal sealed class BotStore(IStorageDatabase database, TimeProvider timeProvider, IStorageObserver? observer = null) : IReaderStore, IServerStore, IReplicaStateStore
{
    private const int MaxIdLength = 200;
    private const int MaxRequestTextLength = 500;
    private const string ReaderItemColumns = "reader_id, item_id, status, rating, saved_at, read_at";
    private const string VoteColumns = "reader_id, item_id, request_key, choice, request_text, page, item_rank, server_id, voted_at";
    private const string PickColumns = "server_id, week_key, item_id, channel_id, chosen_at, message_id, posted_at";

    private SqlDialect Dialect => database.Dialect;

    public Task<ReaderItem> SaveItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken)
    {
        CheckId(itemId, nameof(itemId));
        return WriteAsync(async (connection, transaction) =>
        {
            await using (var insert = Command(connection, transaction, """
                INSERT INTO reader_items (reader_id, item_id, status, rating, saved_at, read_at)
                VALUES (@reader, @item, 'saved', NULL, @now, NULL)
                ON CONFLICT (reader_id, item_id) DO NOTHING
                """))
            {
                insert.AddId("@reader", readerId);
                insert.AddText("@item", itemId);
                Dialect.AddTimestamp(insert, "@now", Now());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await ReadItemAsync(connection, transaction, readerId, itemId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<ReaderItem> MarkReadAsync(ulong readerId, string itemId, int? rating, CancellationToken cancellationToken)
    {
        CheckId(itemId, nameof(itemId));
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is a whole number from 1 to 5.");
        }

        return WriteAsync(async (connection, transaction) =>
        {
            // A later rating replaces an earlier one; the first read time stays.
            await using (var upsert = Command(connection, transaction, """
                INSERT INTO reader_items (reader_id, item_id, status, rating, saved_at, read_at)
                VALUES (@reader, @item, 'read', @rating, @now, @now)
                ON CONFLICT (reader_id, item_id) DO UPDATE SET
                    status = 'read',
                    rating = COALESCE(excluded.rating, reader_items.rating),
                    read_at = COALESCE(reader_items.read_at, excluded.read_at)
                """))
            {
                upsert.AddId("@reader", readerId);
                upsert.AddText("@item", itemId);
                upsert.AddInt("@rating", rating);
                Dialect.AddTimestamp(upsert, "@now", Now());
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await ReadItemAsync(connection, transaction, readerId, itemId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RemoveItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM reader_items WHERE reader_id = @reader AND item_id = @item");
            delete.AddId("@reader", readerId);
            delete.AddText("@item", itemId);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<ReaderItem>> GetItemsAsync(ulong readerId, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => ReadItemsAsync(connection, transaction, readerId, cancellationToken), cancellationToken);

    public Task DismissItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken)
    {
        CheckId(itemId, nameof(itemId));
        return WriteAsync(async (connection, transaction) =>
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO dismissed_items (reader_id, item_id, dismissed_at) VALUES (@reader, @item, @now)
                ON CONFLICT (reader_id, item_id) DO NOTHING
                """);
            insert.AddId("@reader", readerId);
            insert.AddText("@item", itemId);
            Dialect.AddTimestamp(insert, "@now", Now());
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> UndismissItemAsync(ulong readerId, string itemId, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM dismissed_items WHERE reader_id = @reader AND item_id = @item");
            delete.AddId("@reader", readerId);
            delete.AddText("@item", itemId);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<DismissedItem>> GetDismissedAsync(ulong readerId, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => ReadDismissedAsync(connection, transaction, readerId, cancellationToken), cancellationToken);

    public Task<VoteOutcome> RecordVoteAsync(FeedbackVoteInput vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        CheckId(vote.ItemId, nameof(vote.ItemId));
        CheckId(vote.RequestKey, nameof(vote.RequestKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(vote.RequestText);
        if (vote.RequestText.Length > MaxRequestTextLength)
        {
            throw new ArgumentException($"The request text is longer than {MaxRequestTextLength} characters.", nameof(vote));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(vote.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vote.Rank, 1);
        var choice = ChoiceToText(vote.Choice);

        return WriteAsync(async (connection, transaction) =>
        {
            string? previous;
            await using (var select = Command(connection, transaction, "SELECT choice FROM feedback_votes WHERE reader_id = @reader AND item_id = @item AND request_key = @key"))
            {
                select.AddId("@reader", vote.ReaderId);
                select.AddText("@item", vote.ItemId);
                select.AddText("@key", vote.RequestKey);
                previous = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }

            if (previous == choice)
            {
                return VoteOutcome.Unchanged;
            }

            // The WHERE keeps a concurrent identical vote (possible on PostgreSQL's read committed) from rewriting the row.
            await using var upsert = Command(connection, transaction, $"""
                INSERT INTO feedback_votes ({VoteColumns})
                VALUES (@reader, @item, @key, @choice, @request, @page, @rank, @server, @now)
                ON CONFLICT (reader_id, item_id, request_key) DO UPDATE SET
                    choice = excluded.choice, request_text = excluded.request_text, page = excluded.page,
                    item_rank = excluded.item_rank, server_id = excluded.server_id, voted_at = excluded.voted_at
                WHERE feedback_votes.choice <> excluded.choice
                """);
            upsert.AddId("@reader", vote.ReaderId);
            upsert.AddText("@item", vote.ItemId);
            upsert.AddText("@key", vote.RequestKey);
            upsert.AddText("@choice", choice);
            upsert.AddText("@request", vote.RequestText);
            upsert.AddInt("@page", vote.Page);
            upsert.AddInt("@rank", vote.Rank);
            upsert.AddId("@server", vote.ServerId);
            Dialect.AddTimestamp(upsert, "@now", Now());
            var written = await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return written == 0 ? VoteOutcome.Unchanged : previous is null ? VoteOutcome.Recorded : VoteOutcome.Replaced;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FeedbackVote>> GetVotesAsync(ulong readerId, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => ReadVotesAsync(connection, transaction, readerId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<FeedbackVote>> GetTrainingVotesAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, $"""
                SELECT {Prefixed("v.", VoteColumns)} FROM feedback_votes v
                JOIN server_configs c ON c.server_id = v.server_id
                WHERE c.training_opt_in = @yes
                ORDER BY v.vote_id
                """);
            select.AddParameter("@yes", true, DbType.Boolean);
            return await ReadAllAsync(select, ReadVote, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task NoteServerMemberAsync(ulong serverId, ulong readerId, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO server_members (server_id, reader_id, first_seen_at) VALUES (@server, @reader, @now)
                ON CONFLICT (server_id, reader_id) DO NOTHING
                """);
            insert.AddId("@server", serverId);
            insert.AddId("@reader", readerId);
            Dialect.AddTimestamp(insert, "@now", Now());
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<int> ForgetReaderAsync(ulong readerId, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var deleted = 0;
            foreach (var table in ReaderTables)
            {
                await using var delete = Command(connection, transaction, $"DELETE FROM {table} WHERE reader_id = @reader");
                delete.AddId("@reader", readerId);
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A running free-text cooldown is keyed by the reader's id too: it goes with the rest.
            await using var cooldown = Command(connection, transaction, "DELETE FROM cooldowns WHERE scope = 'user' AND subject_id = @reader");
            cooldown.AddId("@reader", readerId);
            deleted += await cooldown.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);

    public Task<ReaderExport> ExportReaderAsync(ulong readerId, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            var items = await ReadItemsAsync(connection, transaction, readerId, cancellationToken).ConfigureAwait(false);
            var dismissed = await ReadDismissedAsync(connection, transaction, readerId, cancellationToken).ConfigureAwait(false);
            var votes = await ReadVotesAsync(connection, transaction, readerId, cancellationToken).ConfigureAwait(false);
            await using var servers = Command(connection, transaction, "SELECT server_id FROM server_members WHERE reader_id = @reader ORDER BY server_id");
            servers.AddId("@reader", readerId);
            var serverIds = await ReadAllAsync(servers, r => r.GetId(0), cancellationToken).ConfigureAwait(false);
            return new ReaderExport(readerId, Now(), items, dismissed, votes, serverIds);
        }, cancellationToken);

    public async Task<ServerConfig> GetConfigAsync(ulong serverId, CancellationToken cancellationToken) =>
        await FindConfigAsync(serverId, cancellationToken).ConfigureAwait(false) ?? ServerConfig.Default(serverId);

    public Task<ServerConfig?> FindConfigAsync(ulong serverId, CancellationToken cancellationToken) =>
        ReadAsync<ServerConfig?>(async (connection, transaction) =>
        {
            await using var channels = Command(connection, transaction, "SELECT channel_id FROM server_free_text_channels WHERE server_id = @server ORDER BY channel_id");
            channels.AddId("@server", serverId);
            var channelIds = await ReadAllAsync(channels, r => r.GetId(0), cancellationToken).ConfigureAwait(false);

            await using var select = Command(connection, transaction, """
                SELECT user_cooldown_seconds, channel_cooldown_seconds, default_level, training_opt_in
                FROM server_configs WHERE server_id = @server
                """);
            select.AddId("@server", serverId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return channelIds.Count == 0 ? null : ServerConfig.Default(serverId) with { FreeTextChannelIds = channelIds };
            }

            return new ServerConfig(
                serverId,
                channelIds,
                reader.GetInt32(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3));
        }, cancellationToken);

    public Task SaveConfigAsync(ServerConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(config.UserCooldownSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(config.ChannelCooldownSeconds);
        if (config.DefaultLevel is { } level && !ReaderLevels.All.Contains(level))
        {
            throw new ArgumentException($"Unknown level '{level}'; use one of {string.Join(", ", ReaderLevels.All)}.", nameof(config));
        }

        return WriteAsync(async (connection, transaction) =>
        {
            await using (var upsert = Command(connection, transaction, """
                INSERT INTO server_configs (server_id, user_cooldown_seconds, channel_cooldown_seconds, default_level, training_opt_in, updated_at)
                VALUES (@server, @user_cooldown, @channel_cooldown, @level, @training, @now)
                ON CONFLICT (server_id) DO UPDATE SET
                    user_cooldown_seconds = excluded.user_cooldown_seconds,
                    channel_cooldown_seconds = excluded.channel_cooldown_seconds,
                    default_level = excluded.default_level,
                    training_opt_in = excluded.training_opt_in,
                    updated_at = excluded.updated_at
                """))
            {
                upsert.AddId("@server", config.ServerId);
                upsert.AddInt("@user_cooldown", config.UserCooldownSeconds);
                upsert.AddInt("@channel_cooldown", config.ChannelCooldownSeconds);
                upsert.AddText("@level", config.DefaultLevel);
                upsert.AddParameter("@training", config.TrainingOptIn, DbType.Boolean);
                Dialect.AddTimestamp(upsert, "@now", Now());
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var clear = Command(connection, transaction, "DELETE FROM server_free_text_channels WHERE server_id = @server"))
            {
                clear.AddId("@server", config.ServerId);
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var channelId in config.FreeTextChannelIds.Distinct())
            {
                await using var insert = Command(connection, transaction, "INSERT INTO server_free_text_channels (server_id, channel_id) VALUES (@server, @channel)");
                insert.AddId("@server", config.ServerId);
                insert.AddId("@channel", channelId);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);
    }

    public Task SetClubScheduleAsync(ClubSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan((int)schedule.Weekday, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)schedule.Weekday, 6);
        ArgumentOutOfRangeException.ThrowIfNegative(schedule.HourUtc);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(schedule.HourUtc, 23);
        return WriteAsync(async (connection, transaction) =>
        {
            await using var upsert = Command(connection, transaction, """
                INSERT INTO club_schedules (server_id, channel_id, weekday, hour_utc, enabled, updated_at)
                VALUES (@server, @channel, @weekday, @hour, @enabled, @now)
                ON CONFLICT (server_id) DO UPDATE SET
                    channel_id = excluded.channel_id, weekday = excluded.weekday, hour_utc = excluded.hour_utc,
                    enabled = excluded.enabled, updated_at = excluded.updated_at
                """);
            upsert.AddId("@server", schedule.ServerId);
            upsert.AddId("@channel", schedule.ChannelId);
            upsert.AddInt("@weekday", (int)schedule.Weekday);
            upsert.AddInt("@hour", schedule.HourUtc);
            upsert.AddParameter("@enabled", schedule.Enabled, DbType.Boolean);
            Dialect.AddTimestamp(upsert, "@now", Now());
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<ClubSchedule?> GetClubScheduleAsync(ulong serverId, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, "SELECT server_id, channel_id, weekday, hour_utc, enabled FROM club_schedules WHERE server_id = @server");
            select.AddId("@server", serverId);
            var rows = await ReadAllAsync(select, ReadSchedule, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<IReadOnlyList<ClubSchedule>> GetEnabledClubSchedulesAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, "SELECT server_id, channel_id, weekday, hour_utc, enabled FROM club_schedules WHERE enabled = @yes ORDER BY server_id");
            select.AddParameter("@yes", true, DbType.Boolean);
            return await ReadAllAsync(select, ReadSchedule, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ClubPick> RecordClubPickAsync(ulong serverId, string weekKey, string itemId, ulong channelId, CancellationToken cancellationToken)
    {
        CheckId(weekKey, nameof(weekKey));
        CheckId(itemId, nameof(itemId));
        return WriteAsync(async (connection, transaction) =>
        {
            await using (var insert = Command(connection, transaction, $"""
                INSERT INTO club_picks ({PickColumns}) VALUES (@server, @week, @item, @channel, @now, NULL, NULL)
                ON CONFLICT (server_id, week_key) DO NOTHING
                """))
            {
                insert.AddId("@server", serverId);
                insert.AddText("@week", weekKey);
                insert.AddText("@item", itemId);
                insert.AddId("@channel", channelId);
                Dialect.AddTimestamp(insert, "@now", Now());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return (await ReadPickAsync(connection, transaction, serverId, weekKey, cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public Task<bool> MarkClubPickPostedAsync(ulong serverId, string weekKey, ulong messageId, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var update = Command(connection, transaction, """
                UPDATE club_picks SET message_id = @message, posted_at = @now
                WHERE server_id = @server AND week_key = @week AND message_id IS NULL
                """);
            update.AddId("@message", messageId);
            update.AddId("@server", serverId);
            update.AddText("@week", weekKey);
            Dialect.AddTimestamp(update, "@now", Now());
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task<ClubPick?> GetClubPickAsync(ulong serverId, string weekKey, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => ReadPickAsync(connection, transaction, serverId, weekKey, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ClubPick>> GetClubPicksAsync(ulong serverId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, $"SELECT {PickColumns} FROM club_picks WHERE server_id = @server ORDER BY week_key DESC LIMIT @limit");
            select.AddId("@server", serverId);
            select.AddInt("@limit", limit);
            return await ReadAllAsync(select, ReadPick, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ItemReadCount>> CountReadsAsync(ulong serverId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var distinct = itemIds.Distinct(StringComparer.Ordinal).ToArray();
        return ReadAsync<IReadOnlyList<ItemReadCount>>(async (connection, transaction) =>
        {
            if (distinct.Length == 0)
            {
                return [];
            }

            int readersWithLists;
            await using (var members = Command(connection, transaction, """
                SELECT COUNT(*) FROM server_members m
                WHERE m.server_id = @server AND EXISTS (SELECT 1 FROM reader_items i WHERE i.reader_id = m.reader_id)
                """))
            {
                members.AddId("@server", serverId);
                readersWithLists = Convert.ToInt32(await members.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            var names = distinct.Select((_, index) => $"@item{index}").ToArray();
            await using var counts = Command(connection, transaction, $"""
                SELECT i.item_id, COUNT(*) FROM reader_items i
                JOIN server_members m ON m.reader_id = i.reader_id AND m.server_id = @server
                WHERE i.status = 'read' AND i.item_id IN ({string.Join(", ", names)})
                GROUP BY i.item_id
                """);
            counts.AddId("@server", serverId);
            for (var index = 0; index < distinct.Length; index++)
            {
                counts.AddText(names[index], distinct[index]);
            }

            var read = (await ReadAllAsync(counts, r => (Item: r.GetString(0), Count: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(pair => pair.Item, pair => pair.Count, StringComparer.Ordinal);
            return distinct.Select(item => new ItemReadCount(item, read.GetValueOrDefault(item), readersWithLists)).ToArray();
        }, cancellationToken);
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        CheckId(name, nameof(name));
        CheckId(holder, nameof(holder));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = Now();
        return WriteAsync(async (connection, transaction) =>
        {
            // One statement decides: a row conflict turns into an update only if the lease expired or is ours, so of
            // several contenders exactly one sees a written row.
            await using var upsert = Command(connection, transaction, """
                INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (@name, @holder, @now, @expires)
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END,
                    holder = excluded.holder,
                    expires_at = excluded.expires_at
                WHERE leases.expires_at <= excluded.acquired_at OR leases.holder = excluded.holder
                """);
            upsert.AddText("@name", name);
            upsert.AddText("@holder", holder);
            Dialect.AddTimestamp(upsert, "@now", now);
            Dialect.AddTimestamp(upsert, "@expires", now + duration);
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM leases WHERE name = @name AND holder = @holder");
            delete.AddText("@name", name);
            delete.AddText("@holder", holder);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task<Lease?> GetLeaseAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, "SELECT name, holder, expires_at FROM leases WHERE name = @name");
            select.AddText("@name", name);
            var rows = await ReadAllAsync(select, r => new Lease(r.GetString(0), r.GetString(1), Dialect.ReadTimestamp(r, 2)), cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<bool> TryClaimInteractionAsync(ulong interactionId, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keepFor, TimeSpan.Zero);
        var now = Now();
        return WriteAsync(async (connection, transaction) =>
        {
            // Like a lease: the row is written (a claim won) only when it is new or its claim expired.
            await using var upsert = Command(connection, transaction, """
                INSERT INTO interaction_claims (interaction_id, claimed_at, expires_at) VALUES (@id, @now, @expires)
                ON CONFLICT (interaction_id) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                WHERE interaction_claims.expires_at <= excluded.claimed_at
                """);
            upsert.AddId("@id", interactionId);
            Dialect.AddTimestamp(upsert, "@now", now);
            Dialect.AddTimestamp(upsert, "@expires", now + keepFor);
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<bool> IsCoolingDownAsync(ulong userId, ulong channelId, CancellationToken cancellationToken)
    {
        var now = Now();
        return ReadAsync(async (connection, transaction) =>
        {
            await using var select = Command(connection, transaction, """
                SELECT COUNT(*) FROM cooldowns
                WHERE until_at > @now AND ((scope = 'user' AND subject_id = @user) OR (scope = 'channel' AND subject_id = @channel))
                """);
            select.AddId("@user", userId);
            select.AddId("@channel", channelId);
            Dialect.AddTimestamp(select, "@now", now);
            return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }, cancellationToken);
    }

    public Task<bool> TryStartCooldownsAsync(
        ulong userId, TimeSpan userCooldown, ulong channelId, TimeSpan channelCooldown, CancellationToken cancellationToken) =>
        ObservedAsync(StorageOperation.Write, () => StartCooldownsAsync(userId, userCooldown, channelId, channelCooldown, cancellationToken));

    // Its own transaction, not WriteAsync's: it rolls back when a cooldown is still running.
    private async Task<bool> StartCooldownsAsync(
        ulong userId, TimeSpan userCooldown, ulong channelId, TimeSpan channelCooldown, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(userCooldown, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCooldown, TimeSpan.Zero);
        var now = Now();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginAsync(connection, readOnly: false, cancellationToken).ConfigureAwait(false);

        // Always user before channel: concurrent starts lock rows in one order, so they cannot deadlock. A row is
        // written only when it is new or its cooldown is over; a conditional upsert locks the row, so of several
        // replicas starting the same cooldown exactly one writes it.
        foreach (var (scope, id, cooldown) in new[] { ("user", userId, userCooldown), ("channel", channelId, channelCooldown) })
        {
            if (cooldown <= TimeSpan.Zero)
            {
                continue;
            }

            await using var upsert = Command(connection, transaction, """
                INSERT INTO cooldowns (scope, subject_id, until_at) VALUES (@scope, @id, @until)
                ON CONFLICT (scope, subject_id) DO UPDATE SET until_at = excluded.until_at
                WHERE cooldowns.until_at <= @now
                """);
            upsert.AddText("@scope", scope);
            upsert.AddId("@id", id);
            Dialect.AddTimestamp(upsert, "@until", now + cooldown);
            Dialect.AddTimestamp(upsert, "@now", now);
            if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        return WriteAsync(async (connection, transaction) =>
        {
            var removed = 0;
            foreach (var sql in new[] { "DELETE FROM interaction_claims WHERE expires_at <= @now", "DELETE FROM cooldowns WHERE until_at <= @now" })
            {
                await using var delete = Command(connection, transaction, sql);
                Dialect.AddTimestamp(delete, "@now", now);
                removed += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return removed;
        }, cancellationToken);
    }

    /// <summary>The tables with a reader_id column: what <see cref="ForgetReaderAsync"/> clears.</summary>
    internal static readonly IReadOnlyList<string> ReaderTables = ["reader_items", "dismissed_items", "feedback_votes", "server_members"];

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    private static void CheckId(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException($"Longer than {MaxIdLength} characters.", name);
        }
    }

    private Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> action, CancellationToken cancellationToken) =>
        ObservedAsync(StorageOperation.Write, async () =>
        {
            using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginAsync(connection, readOnly: false, cancellationToken).ConfigureAwait(false);
            var result = await action(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        });

    private Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> action, CancellationToken cancellationToken) =>
        ObservedAsync(StorageOperation.Read, async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await database.BeginAsync(connection, readOnly: true, cancellationToken).ConfigureAwait(false);
            var result = await action(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        });

    /// <summary>Runs one transaction and tells the observer how long it took and whether it failed.</summary>
    private async Task<T> ObservedAsync<T>(StorageOperation operation, Func<Task<T>> transaction)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var result = await transaction().ConfigureAwait(false);
            (observer ?? NoStorageObserver.Instance).Completed(operation, timeProvider.GetElapsedTime(started), null);
            return result;
        }
        catch (Exception ex)
        {
            (observer ?? NoStorageObserver.Instance).Completed(operation, timeProvider.GetElapsedTime(started), ex);
            throw;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string Prefixed(string prefix, string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => prefix + column));

    private async Task<ReaderItem> ReadItemAsync(DbConnection connection, DbTransaction transaction, ulong readerId, string itemId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, $"SELECT {ReaderItemColumns} FROM reader_items WHERE reader_id = @reader AND item_id = @item");
        select.AddId("@reader", readerId);
        select.AddText("@item", itemId);
        return (await ReadAllAsync(select, ReadReaderItem, cancellationToken).ConfigureAwait(false)).Single();
    }

    private async Task<IReadOnlyList<ReaderItem>> ReadItemsAsync(DbConnection connection, DbTransaction transaction, ulong readerId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, $"SELECT {ReaderItemColumns} FROM reader_items WHERE reader_id = @reader ORDER BY saved_at, item_id");
        select.AddId("@reader", readerId);
        return await ReadAllAsync(select, ReadReaderItem, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DismissedItem>> ReadDismissedAsync(DbConnection connection, DbTransaction transaction, ulong readerId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, "SELECT reader_id, item_id, dismissed_at FROM dismissed_items WHERE reader_id = @reader ORDER BY dismissed_at, item_id");
        select.AddId("@reader", readerId);
        return await ReadAllAsync(select, r => new DismissedItem(r.GetId(0), r.GetString(1), Dialect.ReadTimestamp(r, 2)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<FeedbackVote>> ReadVotesAsync(DbConnection connection, DbTransaction transaction, ulong readerId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, $"SELECT {VoteColumns} FROM feedback_votes WHERE reader_id = @reader ORDER BY vote_id");
        select.AddId("@reader", readerId);
        return await ReadAllAsync(select, ReadVote, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClubPick?> ReadPickAsync(DbConnection connection, DbTransaction transaction, ulong serverId, string weekKey, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, $"SELECT {PickColumns} FROM club_picks WHERE server_id = @server AND week_key = @week");
        select.AddId("@server", serverId);
        select.AddText("@week", weekKey);
        var rows = await ReadAllAsync(select, ReadPick, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private ReaderItem ReadReaderItem(DbDataReader r) => new(
        r.GetId(0),
        r.GetString(1),
        r.GetString(2) == "read" ? ReaderItemStatus.Read : ReaderItemStatus.Saved,
        r.IsDBNull(3) ? null : r.GetInt32(3),
        Dialect.ReadTimestamp(r, 4),
        Dialect.ReadNullableTimestamp(r, 5));

    private FeedbackVote ReadVote(DbDataReader r) => new(
        r.GetId(0),
        r.GetString(1),
        r.GetString(2),
        ChoiceFromText(r.GetString(3)),
        r.GetString(4),
        r.GetInt32(5),
        r.GetInt32(6),
        r.GetNullableId(7),
        Dialect.ReadTimestamp(r, 8));

    private ClubPick ReadPick(DbDataReader r) => new(
        r.GetId(0),
        r.GetString(1),
        r.GetString(2),
        r.GetId(3),
        Dialect.ReadTimestamp(r, 4),
        r.GetNullableId(5),
        Dialect.ReadNullableTimestamp(r, 6));

    private static ClubSchedule ReadSchedule(DbDataReader r) =>
        new(r.GetId(0), r.GetId(1), (DayOfWeek)r.GetInt32(2), r.GetInt32(3), r.GetBoolean(4));

    private static string ChoiceToText(FeedbackChoice choice) => choice switch
    {
        FeedbackChoice.Useful => "useful",
        FeedbackChoice.TooEasy => "too_easy",
        FeedbackChoice.TooHard => "too_hard",
        FeedbackChoice.NotForMe => "not_for_me",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown feedback choice."),
    };

    private static FeedbackChoice ChoiceFromText(string text) => text switch
    {
        "useful" => FeedbackChoice.Useful,
        "too_easy" => FeedbackChoice.TooEasy,
        "too_hard" => FeedbackChoice.TooHard,
        "not_for_me" => FeedbackChoice.NotForMe,
        _ => throw new InvalidDataException($"Unknown feedback choice '{text}' in the database."),
    };
}
