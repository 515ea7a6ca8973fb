using Bot.Catalog;

namespace Bot.Recommendation.Ranking;

/// <summary>One item of a shaped page: its catalog position, its score after the page's penalties, and its place in the model's order.</summary>
public readonly record struct ShapedItem(int Doc, double Score, int ModelRank);

/// <summary>
/// Turns the model's order into what a reader is shown: a little diversity (kinds mixed, near-duplicates apart), a
/// readable introduction before its research original for a beginner, and material two levels away last. Pure, so
/// cross-validation can shape the pages of models that never saw the request (<c>model train --page-shaping</c>).
/// </summary>
public sealed class PageShaper(CatalogIndex index, RankingOptions options)
{
    /// <summary>The first <paramref name="wanted"/> items of the page for <paramref name="ranked"/> (best first, at most <see cref="RankingOptions.MaxRanked"/> read).</summary>
    public List<ShapedItem> Shape(IReadOnlyList<(int Doc, double Score)> ranked, RecommendationQuery query, int wanted)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(query);
        var picked = Diversify(ranked, Math.Min(ranked.Count, options.MaxRanked), wanted, query.Kinds.Count > 0);
        if (query.Level == Level.Beginner)
        {
            PutIntroductionsFirst(picked);
        }

        if (query.Level is { } level)
        {
            KeepTwoLevelsAwayBehind(picked, level);
        }

        return picked;
    }

    /// <summary>
    /// Greedy selection over model scores scaled to 0..1: each step takes the candidate whose score, less its
    /// redundancy with what is already chosen, is highest. The largest similarity to a chosen item is kept per
    /// candidate and updated only against the newest pick, so each step costs one cosine per candidate.
    /// </summary>
    private List<ShapedItem> Diversify(IReadOnlyList<(int Doc, double Score)> ranked, int considered, int wanted, bool kindAsked)
    {
        var picked = new List<ShapedItem>(wanted);
        if (considered == 0)
        {
            return picked;
        }

        var high = ranked[0].Score;
        var low = ranked[considered - 1].Score;
        var spread = high - low > 1e-9 ? high - low : 1;
        var remaining = Enumerable.Range(0, considered).Select(i => (ranked[i].Doc, Scaled: (ranked[i].Score - low) / spread, Rank: i)).ToList();
        var maxSimilarity = new double[remaining.Count];
        var sharesNickname = new bool[remaining.Count];
        var kindCounts = new Dictionary<ResourceKind, int>();
        while (picked.Count < wanted && remaining.Count > 0)
        {
            var bestIndex = -1;
            var bestAdjusted = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var doc = remaining[i].Doc;
                if (!kindAsked && ExceedsKindShare(doc, picked))
                {
                    continue;
                }

                var sameKind = kindAsked ? 0 : kindCounts.GetValueOrDefault(index.Resources[doc].Kind);
                var adjusted = remaining[i].Scaled
                    - (options.SameKindPenalty * Math.Max(0, sameKind - 1))
                    - (options.RedundancyPenalty * Math.Max(0, maxSimilarity[i] - options.RedundancyThreshold))
                    - (sharesNickname[i] ? options.SharedNicknamePenalty : 0);
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

            var chosen = remaining[bestIndex];
            picked.Add(new ShapedItem(chosen.Doc, bestAdjusted, chosen.Rank));
            var chosenKind = index.Resources[chosen.Doc].Kind;
            kindCounts[chosenKind] = kindCounts.GetValueOrDefault(chosenKind) + 1;
            remaining.RemoveAt(bestIndex);
            RemoveAt(maxSimilarity, bestIndex, remaining.Count + 1);
            RemoveAt(sharesNickname, bestIndex, remaining.Count + 1);
            for (var i = 0; i < remaining.Count; i++)
            {
                var doc = remaining[i].Doc;
                maxSimilarity[i] = Math.Max(maxSimilarity[i], index.Documents.Similarity(doc, chosen.Doc));
                sharesNickname[i] |= SharesNickname(doc, chosen.Doc);
            }
        }

        return picked;
    }

    /// <summary>
    /// For a beginner, a research original (a paper above beginner level) never comes before a readable
    /// introduction to it on the same list: its beginner-level companion or related item moves up ahead of it.
    /// </summary>
    private void PutIntroductionsFirst(List<ShapedItem> picked)
    {
        for (var i = 0; i < picked.Count; i++)
        {
            var original = index.Resources[picked[i].Doc];
            if (original.Kind != ResourceKind.Paper || original.Level == Level.Beginner)
            {
                continue;
            }

            for (var j = i + 1; j < picked.Count; j++)
            {
                var other = index.Resources[picked[j].Doc];
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
    private void KeepTwoLevelsAwayBehind(List<ShapedItem> picked, Level reader)
    {
        var near = picked.Where(p => !TwoLevelsAway(p.Doc, reader)).ToList();
        if (near.Count == picked.Count)
        {
            return;
        }

        var far = picked.Where(p => TwoLevelsAway(p.Doc, reader)).ToList();
        picked.Clear();
        picked.AddRange(near);
        picked.AddRange(far);
    }

    /// <summary>An advanced-only item for a beginner, a beginner-only one for an advanced reader.</summary>
    private bool TwoLevelsAway(int doc, Level reader)
    {
        var resource = index.Resources[doc];
        return reader == Level.Beginner ? resource.Level == Level.Advanced
            : reader == Level.Advanced && resource.MaxLevel == Level.Beginner;
    }

    private static bool Introduces(Resource introduction, Resource original) =>
        introduction.Companion.Contains(original.Id) || original.Companion.Contains(introduction.Id)
        || original.Prerequisites.Contains(introduction.Id)
        || introduction.Next.Contains(original.Id)
        || original.Related.Contains(introduction.Id) || introduction.Related.Contains(original.Id);

    // Shifts the first length values left over the removed one; what lies past the new length is never read.
    private static void RemoveAt<T>(T[] values, int index, int length) => Array.Copy(values, index + 1, values, index, length - index - 1);

    /// <summary>Within each page, one kind may not fill every place unless the user asked for it.</summary>
    private bool ExceedsKindShare(int doc, List<ShapedItem> picked)
    {
        var pageStart = picked.Count / options.KindMixPageSize * options.KindMixPageSize;
        var kind = index.Resources[doc].Kind;
        var sameKind = 0;
        for (var i = pageStart; i < picked.Count; i++)
        {
            if (index.Resources[picked[i].Doc].Kind == kind)
            {
                sameKind++;
            }
        }

        return sameKind >= options.MaxPerKindPerPage;
    }

    private bool SharesNickname(int a, int b)
    {
        var first = index.NormalizedNicknames[a];
        var second = index.NormalizedNicknames[b];
        foreach (var nickname in first)
        {
            if (Array.IndexOf(second, nickname) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
