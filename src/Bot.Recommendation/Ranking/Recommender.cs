using Bot.Catalog;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// Ranks catalog resources for a request: a cheap first stage finds a few hundred candidates, the trained model
/// (<see cref="RankerModel"/>) scores each one's feature vector, and a page is picked from the top with a little
/// diversity. Safe to share between threads.
/// </summary>
public sealed class Recommender
{
    private readonly CatalogIndex _index;
    private readonly RankingOptions _options;
    private readonly ReasonWriter _reasons;

    public Recommender(CatalogIndex index, RankerModel model, RankingOptions options)
    {
        _index = index;
        Model = model;
        _options = options;
        Features = new RankingFeatureExtractor(index, options, model.Priors);
        _reasons = new ReasonWriter(index);
    }

    public RankerModel Model { get; }

    public RankingFeatureExtractor Features { get; }

    public RecommendationPage Recommend(RecommendationQuery query) => Rank(query).Page;

    /// <summary>The page with, per item, its features and what each added to its score.</summary>
    public IReadOnlyList<ExplainedItem> Explain(RecommendationQuery query)
    {
        var (page, scored) = Rank(query);
        return page.Items.Select(item =>
        {
            var candidate = scored.First(s => ReferenceEquals(_index.Resources[s.Candidate.Doc], item.Resource)).Candidate;
            return new ExplainedItem(item, candidate.Features, Model.Contributions(candidate.Features), Model.Baseline);
        }).ToList();
    }

    private (RecommendationPage Page, List<(RankingCandidate Candidate, double Score)> Scored) Rank(RecommendationQuery query)
    {
        var count = Math.Clamp(query.Count, 1, _options.MaxPageSize);
        var offset = Math.Max(0, query.Offset);
        var candidates = Features.Extract(query);
        var bestText = candidates.Count > 0 ? candidates.Max(c => c.Features[RankingFeatures.TextSimilarity]) : 0;
        var scores = new double[candidates.Count];
        Model.Score(candidates.Select(c => c.Features).ToArray(), scores);
        var scored = new List<(RankingCandidate Candidate, double Score)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            scored.Add((candidates[i], scores[i]));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score) is var order && order != 0
            ? order
            : string.CompareOrdinal(_index.Resources[a.Candidate.Doc].Id, _index.Resources[b.Candidate.Doc].Id));
        var top = scored.Take(_options.MaxRanked).ToList();
        var picked = Diversify(top, offset + count, query.Kinds.Count > 0);
        if (query.Level == Level.Beginner)
        {
            PutIntroductionsFirst(picked);
        }

        if (query.Level is { } level)
        {
            KeepTwoLevelsAwayBehind(picked, level);
        }

        var pageItems = picked.Skip(offset).Take(count).ToList();
        var reasons = _reasons.WriteDistinct(pageItems.Select(p => (_index.Resources[p.Doc], p.Contributions)).ToList(), query);
        var page = pageItems
            .Select((p, i) => new RankedResource(_index.Resources[p.Doc], Math.Round(p.Score, 4), reasons[i]))
            .ToList();
        var hasMore = scored.Count > offset + count && offset + count < _options.MaxRanked;
        return (new RecommendationPage(page, hasMore, bestText), scored);
    }

    /// <summary>
    /// Greedy selection over model scores scaled to 0..1: each step takes the candidate whose score, less its
    /// redundancy with what is already chosen, is highest. The largest similarity to a chosen item is kept per
    /// candidate and updated only against the newest pick, so each step costs one cosine per candidate.
    /// </summary>
    private List<Pick> Diversify(List<(RankingCandidate Candidate, double Score)> ranked, int wanted, bool kindAsked)
    {
        var picked = new List<Pick>(wanted);
        if (ranked.Count == 0)
        {
            return picked;
        }

        var high = ranked[0].Score;
        var low = ranked[^1].Score;
        var spread = high - low > 1e-9 ? high - low : 1;
        var remaining = ranked.Select(r => (r.Candidate, Scaled: (r.Score - low) / spread)).ToList();
        var maxSimilarity = new double[remaining.Count];
        var sharesNickname = new bool[remaining.Count];
        var kindCounts = new Dictionary<ResourceKind, int>();
        while (picked.Count < wanted && remaining.Count > 0)
        {
            var bestIndex = -1;
            var bestAdjusted = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var doc = remaining[i].Candidate.Doc;
                if (!kindAsked && ExceedsKindShare(doc, picked))
                {
                    continue;
                }

                var sameKind = kindAsked ? 0 : kindCounts.GetValueOrDefault(_index.Resources[doc].Kind);
                var adjusted = remaining[i].Scaled
                    - (_options.SameKindPenalty * Math.Max(0, sameKind - 1))
                    - (_options.RedundancyPenalty * Math.Max(0, maxSimilarity[i] - _options.RedundancyThreshold))
                    - (sharesNickname[i] ? _options.SharedNicknamePenalty : 0);
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

            var chosen = remaining[bestIndex].Candidate;
            picked.Add(new Pick(chosen.Doc, bestAdjusted, Model.Contributions(chosen.Features)));
            var chosenKind = _index.Resources[chosen.Doc].Kind;
            kindCounts[chosenKind] = kindCounts.GetValueOrDefault(chosenKind) + 1;
            remaining.RemoveAt(bestIndex);
            RemoveAt(maxSimilarity, bestIndex, remaining.Count + 1);
            RemoveAt(sharesNickname, bestIndex, remaining.Count + 1);
            for (var i = 0; i < remaining.Count; i++)
            {
                var doc = remaining[i].Candidate.Doc;
                maxSimilarity[i] = Math.Max(maxSimilarity[i], _index.Documents.Similarity(doc, chosen.Doc));
                sharesNickname[i] |= SharesNickname(doc, chosen.Doc);
            }
        }

        return picked;
    }

    /// <summary>
    /// For a beginner, a research original (a paper above beginner level) never comes before a readable
    /// introduction to it on the same list: its beginner-level companion or related item moves up ahead of it.
    /// </summary>
    private void PutIntroductionsFirst(List<Pick> picked)
    {
        for (var i = 0; i < picked.Count; i++)
        {
            var original = _index.Resources[picked[i].Doc];
            if (original.Kind != ResourceKind.Paper || original.Level == Level.Beginner)
            {
                continue;
            }

            for (var j = i + 1; j < picked.Count; j++)
            {
                var other = _index.Resources[picked[j].Doc];
                if (other.Level == Level.Beginner && Introduces(other, original))
                {
                    var introduction = picked[j];
                    picked.RemoveAt(j);
                    picked.Insert(i, introduction with { Score = Math.Max(introduction.Score, picked[i].Score) });
                    i++;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Level is a preference, not a wall, but only one level wide: material two levels away from the reader (an
    /// advanced-only original for a beginner, a beginner-only primer for an advanced reader) never comes before
    /// material that suits them. A stable partition, so the model's order holds within each part.
    /// </summary>
    private void KeepTwoLevelsAwayBehind(List<Pick> picked, Level reader)
    {
        bool TwoLevelsAway(Pick pick)
        {
            var resource = _index.Resources[pick.Doc];
            return reader == Level.Beginner ? resource.Level == Level.Advanced
                : reader == Level.Advanced && resource.MaxLevel == Level.Beginner;
        }

        var near = picked.Where(p => !TwoLevelsAway(p)).ToList();
        if (near.Count == picked.Count)
        {
            return;
        }

        var far = picked.Where(TwoLevelsAway).ToList();
        picked.Clear();
        picked.AddRange(near);
        picked.AddRange(far);
    }

    private static bool Introduces(Resource introduction, Resource original) =>
        introduction.Companion.Contains(original.Id) || original.Companion.Contains(introduction.Id)
        || original.Prerequisites.Contains(introduction.Id)
        || introduction.Next.Contains(original.Id)
        || original.Related.Contains(introduction.Id) || introduction.Related.Contains(original.Id);

    // Shifts the first length values left over the removed one; what lies past the new length is never read.
    private static void RemoveAt<T>(T[] values, int index, int length) => Array.Copy(values, index + 1, values, index, length - index - 1);

    /// <summary>Within each page, one kind may not fill every place unless the user asked for it.</summary>
    private bool ExceedsKindShare(int doc, List<Pick> picked)
    {
        var pageStart = picked.Count / _options.KindMixPageSize * _options.KindMixPageSize;
        var kind = _index.Resources[doc].Kind;
        var sameKind = 0;
        for (var i = pageStart; i < picked.Count; i++)
        {
            if (_index.Resources[picked[i].Doc].Kind == kind)
            {
                sameKind++;
            }
        }

        return sameKind >= _options.MaxPerKindPerPage;
    }

    private bool SharesNickname(int a, int b)
    {
        var first = _index.NormalizedNicknames[a];
        var second = _index.NormalizedNicknames[b];
        foreach (var nickname in first)
        {
            if (Array.IndexOf(second, nickname) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Pick(int Doc, double Score, double[] Contributions);
}

/// <summary>A ranked item with its feature vector and each feature's contribution to its model score.</summary>
public sealed record ExplainedItem(RankedResource Item, IReadOnlyList<float> Features, IReadOnlyList<double> Contributions, double Baseline);
