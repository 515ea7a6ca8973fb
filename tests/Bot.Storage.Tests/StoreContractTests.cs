using System.Data.Common;
using Bot.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Storage.Tests;

/// <summary>The storage suite; each provider runs it through a subclass against a real database.</summary>
public abstract class StoreContractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IStorageFixture
{
    private const ulong Reader = 1_234_567_890_123_456_789;
    private const ulong OtherReader = 987_654_321_098_765_432;
    private const ulong Server = 555_000_111_222_333_444;
    private const ulong Channel = 555_000_111_222_333_999;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 2, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly List<IStorageDatabase> _databases = [];
    private readonly CancellationToken _cancellation = CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    [StoreFact]
    public async Task Saved_item_becomes_read_with_its_rating_and_can_be_removed()
    {
        var (store, _) = await MigratedStoreAsync();
        var savedAt = _time.GetUtcNow();

        var saved = await store.SaveItemAsync(Reader, "raft", _cancellation);
        Assert.Equal(new ReaderItem(Reader, "raft", ReaderItemStatus.Saved, null, savedAt, null), saved);

        _time.Advance(TimeSpan.FromDays(2));
        var read = await store.MarkReadAsync(Reader, "raft", 4, _cancellation);
        Assert.Equal(new ReaderItem(Reader, "raft", ReaderItemStatus.Read, 4, savedAt, _time.GetUtcNow()), read);

        // Saving again must not turn a read item back into a saved one.
        Assert.Equal(read, await store.SaveItemAsync(Reader, "raft", _cancellation));
        await store.MarkReadAsync(Reader, "paxos-made-simple", null, _cancellation);
        await store.SaveItemAsync(OtherReader, "raft", _cancellation);

        var items = await store.GetItemsAsync(Reader, _cancellation);
        Assert.Equal(["raft", "paxos-made-simple"], items.Select(i => i.ItemId));
        Assert.Equal(ReaderItemStatus.Read, items[1].Status);
        Assert.Null(items[1].Rating);

        Assert.True(await store.RemoveItemAsync(Reader, "raft", _cancellation));
        Assert.False(await store.RemoveItemAsync(Reader, "raft", _cancellation));
        Assert.Equal(["paxos-made-simple"], (await store.GetItemsAsync(Reader, _cancellation)).Select(i => i.ItemId));
        Assert.Single(await store.GetItemsAsync(OtherReader, _cancellation));
    }

    [StoreFact]
    public async Task Ratings_outside_one_to_five_are_rejected_and_nothing_is_written()
    {
        var (store, database) = await MigratedStoreAsync();
        await store.SaveItemAsync(Reader, "raft", _cancellation);

        foreach (var rating in new[] { 0, 6, -1 })
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.MarkReadAsync(Reader, "raft", rating, _cancellation));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.MarkReadAsync(Reader, "chord", rating, _cancellation));

            // The schema enforces the bound too, for anything that bypasses the store.
            await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(
                database,
                $"INSERT INTO reader_items (reader_id, item_id, status, rating, saved_at, read_at) VALUES (1, 'x', 'read', {rating}, {TimestampLiteral(database)}, NULL)"));
        }

        Assert.Equal([ReaderItemStatus.Saved], (await store.GetItemsAsync(Reader, _cancellation)).Select(i => i.Status));
        Assert.Equal(1, await CountAsync(database, "reader_items"));
        Assert.Equal(5, (await store.MarkReadAsync(Reader, "raft", 5, _cancellation)).Rating);
    }

    [StoreFact]
    public async Task Dismissed_items_are_kept_once_and_can_be_undismissed()
    {
        var (store, _) = await MigratedStoreAsync();

        await store.DismissItemAsync(Reader, "chord", _cancellation);
        await store.DismissItemAsync(Reader, "chord", _cancellation);
        Assert.Equal([new DismissedItem(Reader, "chord", _time.GetUtcNow())], await store.GetDismissedAsync(Reader, _cancellation));

        Assert.True(await store.UndismissItemAsync(Reader, "chord", _cancellation));
        Assert.False(await store.UndismissItemAsync(Reader, "chord", _cancellation));
        Assert.Empty(await store.GetDismissedAsync(Reader, _cancellation));
    }

    [StoreFact]
    public async Task A_vote_is_kept_once_per_reader_item_and_request_and_a_new_choice_replaces_it()
    {
        var (store, database) = await MigratedStoreAsync();
        var first = Vote(FeedbackChoice.Useful, page: 1, rank: 2);

        Assert.Equal(VoteOutcome.Recorded, await store.RecordVoteAsync(first, _cancellation));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(VoteOutcome.Unchanged, await store.RecordVoteAsync(first, _cancellation));
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(1), Assert.Single(await store.GetVotesAsync(Reader, _cancellation)).VotedAt);

        Assert.Equal(VoteOutcome.Replaced, await store.RecordVoteAsync(Vote(FeedbackChoice.TooEasy, page: 2, rank: 7), _cancellation));
        var stored = Assert.Single(await store.GetVotesAsync(Reader, _cancellation));
        Assert.Equal(
            new FeedbackVote(Reader, "raft", "req-1", FeedbackChoice.TooEasy, "/recommend consensus beginner", 2, 7, Server, _time.GetUtcNow()),
            stored);

        // Another request is another vote.
        Assert.Equal(VoteOutcome.Recorded, await store.RecordVoteAsync(Vote(FeedbackChoice.TooHard) with { RequestKey = "req-2" }, _cancellation));
        Assert.Equal(2, await CountAsync(database, "feedback_votes"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.RecordVoteAsync(Vote(FeedbackChoice.Useful, page: 0), _cancellation));
    }

    [StoreFact]
    public async Task Concurrent_presses_neither_lose_nor_double_votes()
    {
        var (store, database) = await MigratedStoreAsync();
        var keys = (from reader in Enumerable.Range(1, 25) from item in Enumerable.Range(1, 4) select (Reader: (ulong)reader, Item: $"item-{item}")).ToArray();
        var presses = keys.SelectMany(key => Enumerable.Repeat(key, 3)).ToArray();
        using var start = new ManualResetEventSlim();

        // Every key is pressed three times at once with the same choice: exactly one press may record it.
        var outcomes = await Task.WhenAll(presses.Select(key => Task.Run(() =>
        {
            start.Wait();
            return store.RecordVoteAsync(Vote(FeedbackChoice.Useful) with { ReaderId = key.Reader, ItemId = key.Item }, _cancellation);
        })).ToArray().Also(_ => start.Set()));

        Assert.Equal(keys.Length, outcomes.Count(o => o == VoteOutcome.Recorded));
        Assert.Equal(presses.Length - keys.Length, outcomes.Count(o => o == VoteOutcome.Unchanged));
        Assert.Equal(keys.Length, await CountAsync(database, "feedback_votes"));

        // Then every key changes its mind concurrently: still one row each, all with the new choice.
        var changes = await Task.WhenAll(keys.Select(key => Task.Run(() =>
            store.RecordVoteAsync(Vote(FeedbackChoice.TooHard) with { ReaderId = key.Reader, ItemId = key.Item }, _cancellation))));
        Assert.All(changes, outcome => Assert.Equal(VoteOutcome.Replaced, outcome));
        Assert.Equal(keys.Length, await CountAsync(database, "feedback_votes"));
        foreach (var reader in keys.Select(k => k.Reader).Distinct())
        {
            var votes = await store.GetVotesAsync(reader, _cancellation);
            Assert.Equal(4, votes.Count);
            Assert.All(votes, vote => Assert.Equal(FeedbackChoice.TooHard, vote.Choice));
        }
    }

    [StoreFact]
    public async Task Forgetting_a_reader_leaves_no_row_about_them_in_any_table()
    {
        var (store, database) = await MigratedStoreAsync();
        foreach (var reader in new[] { Reader, OtherReader })
        {
            await store.SaveItemAsync(reader, "raft", _cancellation);
            await store.MarkReadAsync(reader, "paxos-made-simple", 5, _cancellation);
            await store.DismissItemAsync(reader, "chord", _cancellation);
            await store.RecordVoteAsync(Vote(FeedbackChoice.Useful) with { ReaderId = reader }, _cancellation);
            await store.NoteServerMemberAsync(Server, reader, _cancellation);
            Assert.True(await store.TryStartCooldownsAsync(reader, TimeSpan.FromMinutes(1), Channel, TimeSpan.Zero, _cancellation));
        }

        await store.SaveConfigAsync(new ServerConfig(Server, [Channel], 30, 10, "beginner", true), _cancellation);
        await store.SetClubScheduleAsync(new ClubSchedule(Server, Channel, DayOfWeek.Monday, 9, true), _cancellation);
        await store.RecordClubPickAsync(Server, "2025-W07", "raft", Channel, _cancellation);
        await store.TryAcquireLeaseAsync("club:2025-W07", "process-a", TimeSpan.FromMinutes(5), _cancellation);

        Assert.Equal(6, await store.ForgetReaderAsync(Reader, _cancellation));

        var tables = await ReadTableNamesAsync(database);
        Assert.Contains("feedback_votes", tables);
        var otherReaderCells = 0;
        foreach (var table in tables)
        {
            foreach (var row in await ReadRowsAsync(database, table))
            {
                Assert.DoesNotContain(row, cell => IsId(cell, Reader));
                otherReaderCells += row.Count(cell => IsId(cell, OtherReader));
            }
        }

        Assert.Equal(6, otherReaderCells);
        Assert.Equal(0, await store.ForgetReaderAsync(Reader, _cancellation));
    }

    [StoreFact]
    public async Task Export_returns_everything_about_the_reader_and_nothing_about_others()
    {
        var (store, _) = await MigratedStoreAsync();
        await store.SaveItemAsync(Reader, "raft", _cancellation);
        _time.Advance(TimeSpan.FromHours(1));
        await store.MarkReadAsync(Reader, "chord", 3, _cancellation);
        await store.DismissItemAsync(Reader, "bigtable", _cancellation);
        await store.RecordVoteAsync(Vote(FeedbackChoice.NotForMe), _cancellation);
        await store.NoteServerMemberAsync(Server, Reader, _cancellation);
        await store.NoteServerMemberAsync(Server + 1, Reader, _cancellation);
        await store.SaveItemAsync(OtherReader, "spanner", _cancellation);
        await store.NoteServerMemberAsync(Server + 2, OtherReader, _cancellation);

        var export = await store.ExportReaderAsync(Reader, _cancellation);

        Assert.Equal(Reader, export.ReaderId);
        Assert.Equal(["raft", "chord"], export.Items.Select(i => i.ItemId));
        Assert.Equal(3, export.Items[1].Rating);
        Assert.Equal(["bigtable"], export.Dismissed.Select(d => d.ItemId));
        Assert.Equal(FeedbackChoice.NotForMe, Assert.Single(export.Votes).Choice);
        Assert.Equal([Server, Server + 1], export.ServerIds);
        Assert.Empty((await store.ExportReaderAsync(999, _cancellation)).Items);
    }

    [StoreFact]
    public async Task Server_config_round_trips_and_bad_values_are_refused()
    {
        var (store, _) = await MigratedStoreAsync();
        Assert.Equal(ServerConfig.Default(Server), await store.GetConfigAsync(Server, _cancellation) with { FreeTextChannelIds = [] });
        Assert.Null(await store.FindConfigAsync(Server, _cancellation));

        var config = new ServerConfig(Server, [Channel, Channel + 1], 45, 0, "advanced", true);
        await store.SaveConfigAsync(config, _cancellation);
        Assert.Equal(45, (await store.FindConfigAsync(Server, _cancellation))?.UserCooldownSeconds);
        var read = await store.GetConfigAsync(Server, _cancellation);
        Assert.Equal(config.FreeTextChannelIds, read.FreeTextChannelIds);
        Assert.Equal(config, read with { FreeTextChannelIds = config.FreeTextChannelIds });

        await store.SaveConfigAsync(config with { FreeTextChannelIds = [Channel + 7], DefaultLevel = null, TrainingOptIn = false }, _cancellation);
        read = await store.GetConfigAsync(Server, _cancellation);
        Assert.Equal([Channel + 7], read.FreeTextChannelIds);
        Assert.Null(read.DefaultLevel);
        Assert.False(read.TrainingOptIn);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveConfigAsync(config with { DefaultLevel = "expert" }, _cancellation));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveConfigAsync(config with { UserCooldownSeconds = -1 }, _cancellation));
        Assert.Equal([Channel + 7], (await store.GetConfigAsync(Server, _cancellation)).FreeTextChannelIds);
    }

    [StoreFact]
    public async Task Only_votes_from_servers_that_opted_in_are_training_votes()
    {
        var (store, _) = await MigratedStoreAsync();
        await store.SaveConfigAsync(new ServerConfig(Server, [], 30, 10, null, true), _cancellation);
        await store.SaveConfigAsync(new ServerConfig(Server + 1, [], 30, 10, null, false), _cancellation);
        await store.RecordVoteAsync(Vote(FeedbackChoice.Useful), _cancellation);
        await store.RecordVoteAsync(Vote(FeedbackChoice.Useful) with { RequestKey = "req-2", ServerId = Server + 1 }, _cancellation);
        await store.RecordVoteAsync(Vote(FeedbackChoice.Useful) with { RequestKey = "req-3", ServerId = null }, _cancellation);

        Assert.Equal(["req-1"], (await store.GetTrainingVotesAsync(_cancellation)).Select(v => v.RequestKey));
    }

    [StoreFact]
    public async Task The_first_pick_of_a_week_wins_and_is_marked_posted_once()
    {
        var (store, _) = await MigratedStoreAsync();
        await store.SetClubScheduleAsync(new ClubSchedule(Server, Channel, DayOfWeek.Friday, 17, true), _cancellation);
        await store.SetClubScheduleAsync(new ClubSchedule(Server + 1, Channel, DayOfWeek.Friday, 17, false), _cancellation);
        Assert.Equal([new ClubSchedule(Server, Channel, DayOfWeek.Friday, 17, true)], await store.GetEnabledClubSchedulesAsync(_cancellation));

        var chosenAt = _time.GetUtcNow();
        var pick = await store.RecordClubPickAsync(Server, "2025-W07", "raft", Channel, _cancellation);
        Assert.Equal(new ClubPick(Server, "2025-W07", "raft", Channel, chosenAt, null, null), pick);
        Assert.Equal(pick, await store.RecordClubPickAsync(Server, "2025-W07", "paxos-made-simple", Channel, _cancellation));

        Assert.True(await store.MarkClubPickPostedAsync(Server, "2025-W07", 42, _cancellation));
        Assert.False(await store.MarkClubPickPostedAsync(Server, "2025-W07", 43, _cancellation));
        Assert.Equal(42UL, (await store.GetClubPickAsync(Server, "2025-W07", _cancellation))!.MessageId);

        await store.RecordClubPickAsync(Server, "2025-W08", "chord", Channel, _cancellation);
        Assert.Equal(["2025-W08", "2025-W07"], (await store.GetClubPicksAsync(Server, 10, _cancellation)).Select(p => p.WeekKey));
    }

    [StoreFact]
    public async Task Read_counts_cover_the_servers_members_who_keep_lists()
    {
        var (store, _) = await MigratedStoreAsync();
        foreach (var reader in new ulong[] { 1, 2, 3 })
        {
            await store.NoteServerMemberAsync(Server, reader, _cancellation);
        }

        await store.MarkReadAsync(1, "raft", null, _cancellation);
        await store.MarkReadAsync(2, "raft", null, _cancellation);
        await store.SaveItemAsync(3, "raft", _cancellation);
        await store.MarkReadAsync(4, "raft", null, _cancellation); // not a member of the server

        var counts = await store.CountReadsAsync(Server, ["raft", "chord"], _cancellation);

        Assert.Equal([new ItemReadCount("raft", 2, 3), new ItemReadCount("chord", 0, 3)], counts);
    }

    [StoreFact]
    public async Task Exactly_one_of_many_concurrent_contenders_gets_a_lease_and_another_takes_it_after_expiry()
    {
        var (store, _) = await MigratedStoreAsync();
        var lease = TimeSpan.FromMinutes(5);
        using var start = new ManualResetEventSlim();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Holder: $"process-{i}", Won: await store.TryAcquireLeaseAsync("club:2025-W07", $"process-{i}", lease, _cancellation));
        })).ToArray().Also(_ => start.Set()));

        var winner = Assert.Single(results, r => r.Won).Holder;
        var loser = results.First(r => !r.Won).Holder;
        Assert.Equal(new Lease("club:2025-W07", winner, _time.GetUtcNow() + lease), await store.GetLeaseAsync("club:2025-W07", _cancellation));

        _time.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.False(await store.TryAcquireLeaseAsync("club:2025-W07", loser, lease, _cancellation));
        Assert.True(await store.TryAcquireLeaseAsync("club:2025-W07", winner, lease, _cancellation));

        _time.Advance(lease);
        Assert.True(await store.TryAcquireLeaseAsync("club:2025-W07", loser, lease, _cancellation));
        Assert.Equal(loser, (await store.GetLeaseAsync("club:2025-W07", _cancellation))!.Holder);
        Assert.False(await store.ReleaseLeaseAsync("club:2025-W07", winner, _cancellation));
        Assert.True(await store.ReleaseLeaseAsync("club:2025-W07", loser, _cancellation));
        Assert.Null(await store.GetLeaseAsync("club:2025-W07", _cancellation));
    }

    [StoreFact]
    public async Task Exactly_one_of_many_concurrent_replicas_claims_an_interaction_until_the_claim_expires()
    {
        var (store, database) = await MigratedStoreAsync();
        var keep = TimeSpan.FromMinutes(15);
        const ulong interaction = 1_300_000_000_000_000_001;
        using var start = new ManualResetEventSlim();

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryClaimInteractionAsync(interaction, keep, _cancellation);
        })).ToArray().Also(_ => start.Set()));

        Assert.Single(claims, won => won);
        Assert.True(await store.TryClaimInteractionAsync(interaction + 1, keep, _cancellation));
        _time.Advance(keep - TimeSpan.FromSeconds(1));
        Assert.False(await store.TryClaimInteractionAsync(interaction, keep, _cancellation));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await store.PurgeExpiredAsync(_cancellation));
        Assert.Equal(0, await CountAsync(database, "interaction_claims"));
        Assert.True(await store.TryClaimInteractionAsync(interaction, keep, _cancellation));
    }

    [StoreFact]
    public async Task Cooldowns_start_for_user_and_channel_together_and_only_one_concurrent_replica_starts_them()
    {
        var (store, database) = await MigratedStoreAsync();
        var user = TimeSpan.FromSeconds(10);
        var channel = TimeSpan.FromSeconds(3);
        using var start = new ManualResetEventSlim();

        var started = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryStartCooldownsAsync(Reader, user, Channel, channel, _cancellation);
        })).ToArray().Also(_ => start.Set()));

        Assert.Single(started, won => won);
        Assert.True(await store.IsCoolingDownAsync(Reader, Channel + 1, _cancellation));
        Assert.True(await store.IsCoolingDownAsync(OtherReader, Channel, _cancellation));
        Assert.False(await store.IsCoolingDownAsync(OtherReader, Channel + 1, _cancellation));

        // The channel is busy: the other reader's attempt must not leave a cooldown of its own behind.
        Assert.False(await store.TryStartCooldownsAsync(OtherReader, user, Channel, channel, _cancellation));
        Assert.False(await store.IsCoolingDownAsync(OtherReader, Channel + 1, _cancellation));

        _time.Advance(channel);
        Assert.False(await store.IsCoolingDownAsync(OtherReader, Channel, _cancellation));
        Assert.False(await store.TryStartCooldownsAsync(Reader, user, Channel, channel, _cancellation));
        Assert.True(await store.TryStartCooldownsAsync(OtherReader, user, Channel, channel, _cancellation));

        _time.Advance(user);
        Assert.True(await store.TryStartCooldownsAsync(Reader, TimeSpan.Zero, Channel + 1, TimeSpan.Zero, _cancellation));
        Assert.Equal(3, await store.PurgeExpiredAsync(_cancellation));
        Assert.Equal(0, await CountAsync(database, "cooldowns"));
    }

    [StoreFact]
    public async Task Migrating_again_changes_nothing()
    {
        var database = await NewDatabaseAsync();
        var migrator = new SchemaMigrator(database, _time, NullLogger<SchemaMigrator>.Instance);

        Assert.Equal(Migrations.LatestVersion, await migrator.MigrateAsync(_cancellation));
        var tables = await ReadTableNamesAsync(database);
        Assert.Equal(Migrations.LatestVersion, await migrator.MigrateAsync(_cancellation));

        Assert.Equal(tables, await ReadTableNamesAsync(database));
        Assert.Equal(Migrations.All.Count, await CountAsync(database, "schema_version"));
        Assert.Contains("reader_items", tables);
        Assert.Contains("leases", tables);
        Assert.Contains("interaction_claims", tables);
        Assert.Contains("cooldowns", tables);
    }

    [StoreFact]
    public async Task A_schema_newer_than_the_binary_is_refused_untouched()
    {
        var database = await NewDatabaseAsync();
        var migrator = new SchemaMigrator(database, _time, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(_cancellation);
        var future = Migrations.LatestVersion + 1;
        await ExecuteAsync(database, $"INSERT INTO schema_version (version, description, applied_at) VALUES ({future}, 'from a newer build', {TimestampLiteral(database)})");

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => migrator.MigrateAsync(_cancellation));

        Assert.Equal(future, refused.DatabaseVersion);
        Assert.Contains($"schema version {future}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {Migrations.LatestVersion}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Migrations.All.Count + 1, await CountAsync(database, "schema_version"));
    }

    [StoreFact]
    public async Task On_sqlite_a_write_waits_for_the_process_write_turn_instead_of_the_file_lock()
    {
        var (store, database) = await MigratedStoreAsync();

        using var turn = await database.EnterWriteAsync(_cancellation);
        if (database.Dialect == SqlDialect.Postgres)
        {
            // PostgreSQL writers run side by side.
            Assert.Null(turn);
            Assert.Equal(ReaderItemStatus.Saved, (await store.SaveItemAsync(Reader, "raft", _cancellation)).Status);
            return;
        }

        Assert.NotNull(turn);
        var save = store.SaveItemAsync(Reader, "raft", _cancellation);
        var read = await store.GetItemsAsync(Reader, _cancellation); // readers do not queue
        Assert.Empty(read);
        Assert.False(save.IsCompleted);

        turn.Dispose();
        Assert.Equal(ReaderItemStatus.Saved, (await save).Status);
        Assert.Single(await store.GetItemsAsync(Reader, _cancellation));
    }

    private static FeedbackVoteInput Vote(FeedbackChoice choice, int page = 1, int rank = 1) =>
        new(Reader, "raft", "req-1", choice, "/recommend consensus beginner", page, rank, Server);

    [StoreFact]
    public async Task Every_transaction_is_reported_to_the_observer_with_its_outcome()
    {
        var observer = new RecordingObserver();
        var (_, database) = await MigratedStoreAsync();
        var store = new BotStore(database, _time, observer);
        var unmigrated = new BotStore(await NewDatabaseAsync(), _time, observer);

        await store.SaveItemAsync(Reader, "raft", _cancellation);
        await store.GetItemsAsync(Reader, _cancellation);
        await store.TryStartCooldownsAsync(Reader, TimeSpan.FromMinutes(1), Channel, TimeSpan.Zero, _cancellation);
        await Assert.ThrowsAnyAsync<Exception>(() => unmigrated.GetItemsAsync(Reader, _cancellation));

        Assert.Equal(
            [(StorageOperation.Write, false), (StorageOperation.Read, false), (StorageOperation.Write, false), (StorageOperation.Read, true)],
            observer.Calls);
    }

    private sealed class RecordingObserver : IStorageObserver
    {
        public List<(StorageOperation Operation, bool Failed)> Calls { get; } = [];

        public void Completed(StorageOperation operation, TimeSpan elapsed, Exception? error) => Calls.Add((operation, error is not null));
    }

    private async Task<IStorageDatabase> NewDatabaseAsync()
    {
        var database = await fixture.CreateDatabaseAsync();
        _databases.Add(database);
        return database;
    }

    private async Task<(BotStore Store, IStorageDatabase Database)> MigratedStoreAsync()
    {
        var database = await NewDatabaseAsync();
        await new SchemaMigrator(database, _time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(_cancellation);
        return (new BotStore(database, _time), database);
    }

    private static string TimestampLiteral(IStorageDatabase database) =>
        database.Dialect == SqlDialect.Postgres ? "now()" : "0";

    private static bool IsId(object cell, ulong id) => cell switch
    {
        long value => value == unchecked((long)id),
        string text => text == id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => false,
    };

    private static async Task ExecuteAsync(IStorageDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(IStorageDatabase database, string table)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> ReadTableNamesAsync(IStorageDatabase database)
    {
        var rows = new List<string>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Dialect.ListTablesSql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<object[]>> ReadRowsAsync(IStorageDatabase database, string table)
    {
        var rows = new List<object[]>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}

public sealed class SqliteStoreTests(SqliteFixture fixture) : StoreContractTests<SqliteFixture>(fixture);

public sealed class PostgresStoreTests(PostgresFixture fixture) : StoreContractTests<PostgresFixture>(fixture);

internal static class TaskArrayExtensions
{
    /// <summary>Runs <paramref name="action"/> on the value and returns it: lets a start signal fire once every task exists.</summary>
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
