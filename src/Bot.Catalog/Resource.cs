using System.Text.Json.Serialization;

namespace Bot.Catalog;

/// <summary>One curated reading resource: a book, paper, course, talk, post, tool or list.</summary>
public sealed record Resource
{
    private readonly Level? _maxLevel;
    private readonly string? _primaryTopic;

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    /// <summary>Year of publication; null only for kinds without one date (tools, blogs, lists, courses).</summary>
    public int? Year { get; init; }
    public required ResourceKind Kind { get; init; }

    /// <summary>The entry level: the easiest reader level the resource suits.</summary>
    public required Level Level { get; init; }

    /// <summary>The hardest reader level the resource suits; the entry level when the resource has a single level.</summary>
    public Level MaxLevel
    {
        get => _maxLevel ?? Level;
        init => _maxLevel = value;
    }

    /// <summary>Expect formal proofs or heavy notation.</summary>
    public bool MathHeavy { get; init; }

    /// <summary>What the resource is mainly about; one of <see cref="Topics"/> (the first topic when not set).</summary>
    public string PrimaryTopic
    {
        get => _primaryTopic ?? (Topics.Count > 0 ? Topics[0] : string.Empty);
        init => _primaryTopic = value;
    }

    /// <summary>Every topic the resource really covers, the primary one included.</summary>
    public required IReadOnlyList<string> Topics { get; init; }
    public required string Summary { get; init; }
    public required string Url { get; init; }
    public string? Venue { get; init; }

    /// <summary>How a reader gets it. Paywalled unless set: nothing says a legal open copy exists.</summary>
    public Access Access { get; init; } = Access.Paywalled;

    /// <summary>A legal open copy when <see cref="Url"/> is not itself open.</summary>
    public string? OpenUrl { get; init; }

    /// <summary>True when a reader can read, watch or use it without paying or signing up.</summary>
    [JsonIgnore]
    public bool Free => Access == Access.Open || OpenUrl is not null;

    public ResourceLength? Length { get; init; }
    public string? Edition { get; init; }

    /// <summary>Id of the earlier edition or version this one replaces.</summary>
    public string? Supersedes { get; init; }

    public ResourceStatus Status { get; init; } = ResourceStatus.Current;
    public IReadOnlyList<string> Nicknames { get; init; } = [];

    /// <summary>
    /// The ideas it is about in the words a reader would use for them ("backpressure", "a job runs twice"): matched
    /// against requests beside the summary, never shown.
    /// </summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>What a reader's words are matched against besides the title: the summary and the concepts.</summary>
    [JsonIgnore]
    public string AboutText => Concepts.Count == 0 ? Summary : Summary + " . " + string.Join(" , ", Concepts);

    /// <summary>Ids really needed first; none is harder (by entry level) than this resource.</summary>
    public IReadOnlyList<string> Prerequisites { get; init; } = [];

    /// <summary>Ids of natural follow-ups.</summary>
    public IReadOnlyList<string> Next { get; init; } = [];

    /// <summary>Ids covering the same ground from another angle.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Ids of a paper's talk, explainer or visualisation, or of the paper behind a talk.</summary>
    public IReadOnlyList<string> Companion { get; init; } = [];

    /// <summary>Chapters of a book, lectures of a series: what to read for a narrow question.</summary>
    public IReadOnlyList<ResourceSection> Sections { get; init; } = [];

    /// <summary>Ids of entries in data/sources.yaml that name this resource.</summary>
    public IReadOnlyList<string> RecommendedBy { get; init; } = [];

    /// <summary>The topics with the primary one first, the others in the order they are listed.</summary>
    [JsonIgnore]
    public IEnumerable<string> TopicsPrimaryFirst => Topics.Contains(PrimaryTopic, StringComparer.Ordinal)
        ? Topics.Where(t => t != PrimaryTopic).Prepend(PrimaryTopic)
        : Topics;

    /// <summary>True when a reader at <paramref name="reader"/> level is within the resource's level range.</summary>
    public bool Suits(Level reader) => reader >= Level && reader <= MaxLevel;
}

/// <summary>How a reader gets a resource.</summary>
public enum Access
{
    /// <summary>Free to read, watch or use without an account.</summary>
    Open,

    /// <summary>Free after signing up, e.g. auditing a course.</summary>
    FreeRegistration,

    /// <summary>Behind a publisher's paywall with no legal open copy known.</summary>
    Paywalled,

    /// <summary>A book or course one buys.</summary>
    Purchase,
}

public enum ResourceStatus
{
    Current,

    /// <summary>Superseded, or mainly of historical interest: not where a beginner starts.</summary>
    Historical,
}

public enum LengthUnit
{
    Pages,
    Minutes,
    Weeks,
}

/// <summary>How long a resource or section is: pages for text, minutes for talks and videos, weeks for courses.</summary>
public sealed record ResourceLength(int Value, LengthUnit Unit);

/// <summary>A chapter, part or lecture of a larger resource.</summary>
public sealed record ResourceSection(string Title, IReadOnlyList<string> Topics, string? Url = null, ResourceLength? Length = null);
