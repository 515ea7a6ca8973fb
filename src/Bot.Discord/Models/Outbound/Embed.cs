namespace Bot.Discord.Models.Outbound;

/// <summary>A rich embed. Limits are in <see cref="DiscordLimits"/>; <see cref="MessageValidator"/> checks them.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    /// <summary>RGB integer, 0..0xFFFFFF.</summary>
    public int? Color { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedAuthor? Author { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    public EmbedMedia? Image { get; init; }
}

public sealed record EmbedField(string Name, string Value)
{
    public bool? Inline { get; init; }
}

public sealed record EmbedFooter(string Text)
{
    public string? IconUrl { get; init; }
}

public sealed record EmbedAuthor(string Name)
{
    public string? Url { get; init; }

    public string? IconUrl { get; init; }
}

/// <summary>Embed <c>thumbnail</c> or <c>image</c>.</summary>
public sealed record EmbedMedia(string Url);
