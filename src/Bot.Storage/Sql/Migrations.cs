namespace Bot.Storage.Sql;

/// <summary>One schema step: its version, what it does, and its statements written against a dialect.</summary>
internal sealed record Migration(int Version, string Description, Func<SqlDialect, IReadOnlyList<string>> Statements);

/// <summary>
/// The one list of schema versions both providers apply, in order. Never edit a released migration: append a new
/// one. Ids are Discord snowflakes; nothing here holds message contents.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "readers, feedback, servers, paper of the week, leases", d =>
        [
            $"""
            CREATE TABLE reader_items (
                reader_id {d.BigInt} NOT NULL,
                item_id TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('saved', 'read')),
                rating INTEGER NULL CHECK (rating BETWEEN 1 AND 5),
                saved_at {d.Timestamp} NOT NULL,
                read_at {d.Timestamp} NULL,
                PRIMARY KEY (reader_id, item_id))
            """,
            $"""
            CREATE TABLE dismissed_items (
                reader_id {d.BigInt} NOT NULL,
                item_id TEXT NOT NULL,
                dismissed_at {d.Timestamp} NOT NULL,
                PRIMARY KEY (reader_id, item_id))
            """,
            $"""
            CREATE TABLE feedback_votes (
                vote_id {d.Identity},
                reader_id {d.BigInt} NOT NULL,
                item_id TEXT NOT NULL,
                request_key TEXT NOT NULL,
                choice TEXT NOT NULL CHECK (choice IN ('useful', 'too_easy', 'too_hard', 'not_for_me')),
                request_text TEXT NOT NULL,
                page INTEGER NOT NULL CHECK (page >= 1),
                item_rank INTEGER NOT NULL CHECK (item_rank >= 1),
                server_id {d.BigInt} NULL,
                voted_at {d.Timestamp} NOT NULL,
                UNIQUE (reader_id, item_id, request_key))
            """,
            "CREATE INDEX feedback_votes_by_server ON feedback_votes (server_id)",
            $"""
            CREATE TABLE server_members (
                server_id {d.BigInt} NOT NULL,
                reader_id {d.BigInt} NOT NULL,
                first_seen_at {d.Timestamp} NOT NULL,
                PRIMARY KEY (server_id, reader_id))
            """,
            "CREATE INDEX server_members_by_reader ON server_members (reader_id)",
            $"""
            CREATE TABLE server_configs (
                server_id {d.BigInt} NOT NULL PRIMARY KEY,
                user_cooldown_seconds INTEGER NOT NULL CHECK (user_cooldown_seconds >= 0),
                channel_cooldown_seconds INTEGER NOT NULL CHECK (channel_cooldown_seconds >= 0),
                default_level TEXT NULL CHECK (default_level IN ('beginner', 'intermediate', 'advanced')),
                training_opt_in {d.Boolean} NOT NULL,
                updated_at {d.Timestamp} NOT NULL)
            """,
            $"""
            CREATE TABLE server_free_text_channels (
                server_id {d.BigInt} NOT NULL,
                channel_id {d.BigInt} NOT NULL,
                PRIMARY KEY (server_id, channel_id))
            """,
            $"""
            CREATE TABLE club_schedules (
                server_id {d.BigInt} NOT NULL PRIMARY KEY,
                channel_id {d.BigInt} NOT NULL,
                weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
                hour_utc INTEGER NOT NULL CHECK (hour_utc BETWEEN 0 AND 23),
                enabled {d.Boolean} NOT NULL,
                updated_at {d.Timestamp} NOT NULL)
            """,
            $"""
            CREATE TABLE club_picks (
                server_id {d.BigInt} NOT NULL,
                week_key TEXT NOT NULL,
                item_id TEXT NOT NULL,
                channel_id {d.BigInt} NOT NULL,
                chosen_at {d.Timestamp} NOT NULL,
                message_id {d.BigInt} NULL,
                posted_at {d.Timestamp} NULL,
                PRIMARY KEY (server_id, week_key))
            """,
            $"""
            CREATE TABLE leases (
                name TEXT NOT NULL PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at {d.Timestamp} NOT NULL,
                expires_at {d.Timestamp} NOT NULL)
            """,
        ]),
        new(2, "interaction claims and free-text cooldowns shared by replicas", d =>
        [
            $"""
            CREATE TABLE interaction_claims (
                interaction_id {d.BigInt} NOT NULL PRIMARY KEY,
                claimed_at {d.Timestamp} NOT NULL,
                expires_at {d.Timestamp} NOT NULL)
            """,
            "CREATE INDEX interaction_claims_by_expiry ON interaction_claims (expires_at)",
            $"""
            CREATE TABLE cooldowns (
                scope TEXT NOT NULL CHECK (scope IN ('user', 'channel')),
                subject_id {d.BigInt} NOT NULL,
                until_at {d.Timestamp} NOT NULL,
                PRIMARY KEY (scope, subject_id))
            """,
        ]),
    ];

    public static int LatestVersion => All[^1].Version;
}
