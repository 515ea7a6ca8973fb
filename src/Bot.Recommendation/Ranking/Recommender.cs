using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// Ranks catalog resources for a request by combining TF-IDF text similarity with topic match,
/// level fit, kind preference and a canon prior, then picks a diverse page from the top.
/// </summary>
public sealed class Recommender
{
    private const int MaxRanked = 60;
    private readonly CatalogIndex _index;
    private readonly ScoringWeights _weights;
    private readonly ReasonWriter _reasons;

    public Recommender(CatalogIndex index, ScoringWeights? weights = null)
    {
        _index = index;
        _weights = weights ?? ScoringWeights.Default;
        _reasons = new ReasonWriter(index);
    }

    public RecommendationPage Recommend(RecommendationQuery query)
    {
        var count = Math.Clamp(query.Count, 1, 25);
        var offset = Math.Max(0, query.Offset);
        // The user's own words say what they want; topic names stand in only when there are none.
        var queryText = query.SubjectText.Length > 0 ? query.SubjectText : string.Join(' ', query.TopicIds.Select(_index.TopicName));
        var textScores = _index.Documents.Search(queryText);
        var bestText = textScores.Count > 0 ? textScores.Max(p => p.Score) : 0;

        var candidates = new Dictionary<int, double>();
        foreach (var (doc, score) in textScores)
        {
            candidates[doc] = score;
        }

        foreach (var topic in query.TopicIds)
        {
            foreach (var doc in _index.ResourcesInTopic(topic))
            {
                candidates.TryAdd(doc, 0);
            }
        }

        var subjectPhrase = " " + TextAnalyzer.Normalize(query.SubjectText) + " ";
        var textScale = Math.Max(0.2, bestText);
        var textWeight = query.TopicIds.Count > 0 ? _weights.TextWithTopic : _weights.Text;
        var scored = new List<(int Doc, double Score)>(candidates.Count);
        foreach (var (doc, text) in candidates)
        {
            var resource = _index.Resources[doc];
            if ((query.Kinds.Count > 0 && !query.Kinds.Contains(resource.Kind)) || query.ExcludedIds.Contains(resource.Id))
            {
                continue;
            }

            var topicMatch = TopicMatch(resource, query.TopicIds);
            var score = textWeight * (text / textScale)
                + _weights.Topic * topicMatch
                - (query.TopicIds.Count > 0 && topicMatch == 0 ? _weights.OffTopic : 0)
                + _weights.Level * ScoringWeights.LevelFit(query.Level, resource.Level)
                + _weights.Kind * KindFit(query, resource.Kind)
                + _weights.Canon * _index.CanonPrior[doc]
                + (NamedByNickname(doc, subjectPhrase) ? NicknameBonus(query.Level, resource.Level) : 0);
            scored.Add((doc, score));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score) is var order && order != 0
            ? order
            : string.CompareOrdinal(_index.Resources[a.Doc].Id, _index.Resources[b.Doc].Id));
        var picked = Diversify(scored.Take(MaxRanked).ToList(), offset + count, query.Kinds.Count > 0);
        var page = picked.Skip(offset).Take(count)
            .Select(p => new RankedResource(_index.Resources[p.Doc], Math.Round(p.Score, 4), _reasons.Write(_index.Resources[p.Doc], query)))
            .ToList();
        var hasMore = scored.Count > offset + count && offset + count < MaxRanked;
        return new RecommendationPage(page, hasMore, bestText);
    }

    private static double TopicMatch(Resource resource, IReadOnlyList<string> topicIds)
    {
        if (topicIds.Count == 0)
        {
            return 0;
        }

        var best = 0.0;
        var matched = 0;
        foreach (var topic in topicIds)
        {
            var position = TopicRank(resource, topic);
            if (position < 0)
            {
                continue;
            }

            matched++;
            best = Math.Max(best, position switch { 0 => 1.0, 1 => 0.85, _ => 0.7 });
        }

        return topicIds.Count > 1 && matched == topicIds.Count ? Math.Min(1.2, best + 0.2) : best;
    }

    private static double KindFit(RecommendationQuery query, ResourceKind kind)
    {
        if (query.Kinds.Count == 0)
        {
            return ScoringWeights.ImplicitKindFit(query.Level, kind);
        }

        return query.Kinds[0] == kind ? 1.0 : 0.7;
    }

    // Naming a paper pulls it up, but not past the readable introductions a beginner asked for.
    private double NicknameBonus(Level? asked, Level item) =>
        asked is { } level && item > level ? _weights.Nickname * 0.2 : _weights.Nickname;

    private bool NamedByNickname(int doc, string subjectPhrase) =>
        subjectPhrase.Length > 2 && _index.NormalizedNicknames[doc].Any(nickname =>
            nickname.Length >= 3 && subjectPhrase.Contains(" " + nickname + " ", StringComparison.Ordinal));

    /// <summary>
    /// Greedy selection: each step takes the candidate whose score, less its redundancy with what is
    /// already chosen, is highest. The largest similarity to a chosen item is kept per candidate and
    /// updated only against the newest pick, so each step costs one cosine per candidate.
    /// </summary>
    private List<(int Doc, double Score)> Diversify(List<(int Doc, double Score)> ranked, int wanted, bool kindAsked)
    {
        var picked = new List<(int Doc, double Score)>(wanted);
        var remaining = new List<(int Doc, double Score)>(ranked);
        var maxSimilarity = new double[remaining.Count];
        var sharesNickname = new bool[remaining.Count];
        var kindCounts = new Dictionary<ResourceKind, int>();
        while (picked.Count < wanted && remaining.Count > 0)
        {
            var bestIndex = -1;
            var bestAdjusted = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var (doc, score) = remaining[i];
                if (!kindAsked && ExceedsKindShare(doc, picked))
                {
                    continue;
                }

                var sameKind = kindAsked ? 0 : kindCounts.GetValueOrDefault(_index.Resources[doc].Kind);
                var adjusted = score
                    - (_weights.SameKindPenalty * Math.Max(0, sameKind - 1))
                    - (_weights.RedundancyPenalty * Math.Max(0, maxSimilarity[i] - 0.25))
                    - (sharesNickname[i] ? 0.15 : 0);
                if (adjusted > bestAdjusted)
                {
                    bestAdjusted = adjusted;
                    bestIndex = i;
                }
            }

            if (bestIndex < 0)
            {
                // Only items of an over-represented kind are left: take them rather than return a short list.
                kindAsked = true;
                continue;
            }

            var chosen = remaining[bestIndex].Doc;
            picked.Add((chosen, bestAdjusted));
            var chosenKind = _index.Resources[chosen].Kind;
            kindCounts[chosenKind] = kindCounts.GetValueOrDefault(chosenKind) + 1;
            remaining.RemoveAt(bestIndex);
            RemoveAt(ref maxSimilarity, bestIndex);
            RemoveAt(ref sharesNickname, bestIndex);
            for (var i = 0; i < remaining.Count; i++)
            {
                var doc = remaining[i].Doc;
                maxSimilarity[i] = Math.Max(maxSimilarity[i], _index.Documents.Similarity(doc, chosen));
                sharesNickname[i] |= SharesNickname(doc, chosen);
            }
        }

        return picked;
    }

    private static void RemoveAt<T>(ref T[] values, int index)
    {
        Array.Copy(values, index + 1, values, index, values.Length - index - 1);
        Array.Resize(ref values, values.Length - 1);
    }

    /// <summary>Within each page of five, one kind may not fill every place unless the user asked for it.</summary>
    private bool ExceedsKindShare(int doc, List<(int Doc, double Score)> picked)
    {
        const int PageSize = 5;
        const int MaxPerKind = 4;
        var pageStart = picked.Count / PageSize * PageSize;
        var kind = _index.Resources[doc].Kind;
        var sameKind = 0;
        for (var i = pageStart; i < picked.Count; i++)
        {
            if (_index.Resources[picked[i].Doc].Kind == kind)
            {
                sameKind++;
            }
        }

        return sameKind >= MaxPerKind;
    }

    private bool SharesNickname(int a, int b)
    {
        var first = _index.NormalizedNicknames[a];
        var second = _index.NormalizedNicknames[b];
        return first.Length > 0 && second.Length > 0 && first.Intersect(second, StringComparer.Ordinal).Any();
    }

    /// <summary>The topic's position with the primary topic counted first; -1 when the resource does not list it.</summary>
    private static int TopicRank(Resource resource, string topic)
    {
        if (topic == resource.PrimaryTopic)
        {
            return 0;
        }

        var index = IndexOf(resource.Topics, topic);
        return index >= 0 && IndexOf(resource.Topics, resource.PrimaryTopic) > index ? index + 1 : index;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
