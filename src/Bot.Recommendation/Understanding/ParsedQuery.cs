using Bot.Catalog;

namespace Bot.Recommendation.Understanding;

/// <summary>What a request says about level, kind and topics, and the words left over for text matching.</summary>
public sealed record ParsedQuery
{
    public required string Text { get; init; }
    public Level? Level { get; init; }
    public string? LevelPhrase { get; init; }

    /// <summary>Kinds asked for, the named one first ("lecture" gives course then video); empty when no kind was named.</summary>
    public IReadOnlyList<ResourceKind> Kinds { get; init; } = [];

    /// <summary>Kinds the reader rules out ("not a research paper please").</summary>
    public IReadOnlyList<ResourceKind> ExcludedKinds { get; init; } = [];

    public IReadOnlyList<TopicMention> Topics { get; init; } = [];

    /// <summary>Words that are neither level, kind, topic nor function words: candidates for a misspelt or unknown topic.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];

    /// <summary>The normalised words that describe the subject (topics and unknown words), used for text similarity.</summary>
    public required string SubjectText { get; init; }

    /// <summary>The words say something named was already read (<see cref="ReadingHistory.SaysAlreadyRead"/>).</summary>
    public bool SaysRead { get; init; }

    /// <summary>True when the request names the field itself ("distributed systems", "distsys") and no topic within it.</summary>
    public bool NamesOnlyTheField { get; init; }

    public IReadOnlyList<string> TopicIds => Topics.Select(t => t.TopicId).ToList();

    /// <summary>The topics named, or the field's fundamentals when only the field is named.</summary>
    public IReadOnlyList<string> ResolvedTopicIds => NamesOnlyTheField ? [QueryParser.FieldTopicId] : TopicIds;
}
