using Bot.Catalog;
using Bot.Recommendation.Understanding;
using Bot.Storage;

namespace Bot.Application.Readers;

/// <summary>
/// A feedback vote on one recommended item: the request it was recommended for (its resolved topics, level and kind),
/// the page, and the item's rank (1-based, across pages). Votes are keyed by the normalized request text: one vote per
/// reader, item and request.
/// </summary>
public sealed record FeedbackRequest(string ItemId, FeedbackChoice Choice, IReadOnlyList<string> TopicIds, Level? Level, ResourceKind? Kind, int Page, int Rank)
{
    /// <summary>The normalized request, e.g. <c>/recommend consensus beginner</c>: what the ranker can learn from.</summary>
    public string RequestText => RequestTextOf(TopicIds, Level, Kind);

    public static string RequestTextOf(IReadOnlyList<string> topicIds, Level? level, ResourceKind? kind) =>
        string.Join(' ', new[]
        {
            "/recommend",
            string.Join(' ', topicIds ?? []),
            level is { } l ? LevelVocabulary.Name(l) : null,
            kind is { } k ? "kind:" + KindVocabulary.Name(k) : null,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
