namespace Bot.Catalog;

/// <summary>One curated reading resource: a book, paper, course, talk, post, tool or list.</summary>
public sealed record Resource
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    /// <summary>Year of publication; null only for kinds without one date (tools, blogs, lists, courses).</summary>
    public int? Year { get; init; }
    public required ResourceKind Kind { get; init; }
    public required Level Level { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required string Summary { get; init; }
    public required string Url { get; init; }
    public string? Venue { get; init; }
    public bool? Free { get; init; }
    public IReadOnlyList<string> Nicknames { get; init; } = [];
    public IReadOnlyList<string> Prerequisites { get; init; } = [];
    public IReadOnlyList<string> Next { get; init; } = [];
    /// <summary>Ids of entries in data/sources.yaml that name this resource.</summary>
    public IReadOnlyList<string> RecommendedBy { get; init; } = [];
}
