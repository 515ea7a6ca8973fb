namespace Bot.Discord.Models.Inbound;

/// <summary>A Discord user (the fields a bot needs; unknown fields are ignored).</summary>
public sealed record User
{
    public required ulong Id { get; init; }

    public string Username { get; init; } = "";

    /// <summary>Legacy "#1234" tag; "0" for migrated users.</summary>
    public string? Discriminator { get; init; }

    /// <summary>Display name, if the user set one.</summary>
    public string? GlobalName { get; init; }

    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }

    public int? PublicFlags { get; init; }
}
