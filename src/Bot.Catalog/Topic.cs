namespace Bot.Catalog;

/// <summary>A topic of the taxonomy with the words a user might type for it.</summary>
public sealed record Topic
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>A note on terms people commonly mix up, e.g. consensus vs consistency.</summary>
public sealed record TopicConfusion
{
    public required IReadOnlyList<string> Terms { get; init; }
    public required string Note { get; init; }
}

/// <summary>A reading list or expert that recommends resources (data/sources.yaml).</summary>
public sealed record Source
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Url { get; init; }
}
