using Bot.Catalog;

namespace Bot.Recommendation.Ranking;

/// <summary>A resolved request: topics from the taxonomy, level, kinds, and free words for text similarity.</summary>
public sealed record RecommendationQuery
{
    public IReadOnlyList<string> TopicIds { get; init; } = [];
    /// <summary>How sure the reading of <see cref="TopicIds"/> is: 1 when the words name them, the topic model's probability when inferred.</summary>
    public float TopicConfidence { get; init; } = 1;

    public Level? Level { get; init; }
    public IReadOnlyList<ResourceKind> Kinds { get; init; } = [];

    /// <summary>
    /// The kinds were chosen as an option (<c>kind:</c>), so only they are eligible. Kinds read from the request's own
    /// words ("read the raft paper, what next", "a list of failures") are a preference the ranker weighs.
    /// </summary>
    public bool KindsRequired { get; init; }

    /// <summary>Kinds the reader ruled out ("no papers please"); never recommended.</summary>
    public IReadOnlyList<ResourceKind> ExcludedKinds { get; init; } = [];
    public string SubjectText { get; init; } = string.Empty;
    /// <summary>Resources never recommended: what the reader has read ("what should I read after DDIA?") or dismissed.</summary>
    public IReadOnlySet<string> ExcludedIds { get; init; } = new HashSet<string>();

    /// <summary>Of those, what the reader has read (said so, or marked it): what the catalog names to read after them counts for the ranking.</summary>
    public IReadOnlySet<string> ReadIds { get; init; } = new HashSet<string>();

    public int Count { get; init; } = 5;
    public int Offset { get; init; }
}

/// <summary>A resource chosen for a query, its score and the line that tells the user why.</summary>
public sealed record RankedResource(Resource Resource, double Score, string Reason);

/// <summary>One page of recommendations and whether more exist after it.</summary>
public sealed record RecommendationPage(IReadOnlyList<RankedResource> Items, bool HasMore, double BestTextSimilarity);
