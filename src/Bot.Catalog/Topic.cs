namespace Bot.Catalog;

/// <summary>A topic of the taxonomy with the words a user might type for it and its reading path.</summary>
public sealed record Topic
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// The ordered reading path from "start here" to the originals and the deep end. The resources on it are the
    /// topic's essentials.
    /// </summary>
    public IReadOnlyList<PathStep> Path { get; init; } = [];

    /// <summary>Ids of topics a reader of this one should also look at.</summary>
    public IReadOnlyList<string> RelatedTopics { get; init; } = [];
}

/// <summary>One step of a topic's path: a resource and why it comes at this point.</summary>
public sealed record PathStep(string ResourceId, string Why);

/// <summary>A note on terms people commonly mix up, e.g. consensus vs consistency.</summary>
public sealed record TopicConfusion
{
    public required IReadOnlyList<string> Terms { get; init; }
    public required string Note { get; init; }
}

/// <summary>A reading list or expert that recommends resources (data/sources.yaml).</summary>
public sealed record Source
{
    private readonly double? _weight;

    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Url { get; init; }
    public SourceKind Kind { get; init; } = SourceKind.Community;

    /// <summary>How much a recommendation from this source counts, in (0, 1]; the kind's default unless set.</summary>
    public double Weight
    {
        get => _weight ?? DefaultWeight(Kind);
        init => _weight = value;
    }

    public static double DefaultWeight(SourceKind kind) => kind switch
    {
        SourceKind.Expert => 1.0,
        SourceKind.Community or SourceKind.Book or SourceKind.Course => 0.8,
        SourceKind.Listicle => 0.4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown source kind"),
    };
}

public enum SourceKind
{
    /// <summary>A named expert's curated list.</summary>
    Expert,

    /// <summary>A community-curated list.</summary>
    Community,

    /// <summary>A book's reading chapter.</summary>
    Book,

    /// <summary>A course's reading list.</summary>
    Course,

    /// <summary>A commercial or affiliate list.</summary>
    Listicle,
}
