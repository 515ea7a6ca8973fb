namespace Bot.Discord.Models.Inbound;

/// <summary>The READY dispatch: sent once a new session is established after Identify.</summary>
public sealed record ReadyEvent
{
    /// <summary>API version.</summary>
    public int V { get; init; }

    public required User User { get; init; }

    /// <summary>Guilds the bot is in; they start out unavailable and arrive later as GUILD_CREATE.</summary>
    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    public required string SessionId { get; init; }

    public required string ResumeGatewayUrl { get; init; }

    /// <summary><c>[shard_id, num_shards]</c> when the session was identified with a shard.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    public required PartialApplication Application { get; init; }
}

/// <summary>A guild that is not (yet) available to the session.</summary>
public sealed record UnavailableGuild
{
    public required ulong Id { get; init; }

    public bool Unavailable { get; init; }
}

/// <summary>The <c>id</c> and <c>flags</c> of the application, as sent in READY.</summary>
public sealed record PartialApplication
{
    public required ulong Id { get; init; }

    public long Flags { get; init; }
}
