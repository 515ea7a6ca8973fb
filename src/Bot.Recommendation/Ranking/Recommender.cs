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
    private readonly PageShaper _shaper;

    public Recommender(CatalogIndex index, RankerModel model, RankingOptions options)
    {
        _index = index;
        Model = model;
        _options = options;
        Features = new RankingFeatureExtractor(index, options, model.Priors);
        _reasons = new ReasonWriter(index);
        _shaper = new PageShaper(index, options);
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
        var picked = _shaper.Shape(scored.Select(s => (s.Candidate.Doc, s.Score)).ToList(), query, offset + count);
        var pageItems = picked.Skip(offset).Take(count).ToList();
        var reasons = _reasons.WriteDistinct(pageItems.Select(p => (_index.Resources[p.Doc], Model.Contributions(scored[p.ModelRank].Candidate.Features))).ToList(), query);
        var page = pageItems
            .Select((p, i) => new RankedResource(_index.Resources[p.Doc], Math.Round(p.Score, 4), reasons[i]))
            .ToList();
        var hasMore = scored.Count > offset + count && offset + count < _options.MaxRanked;
        return (new RecommendationPage(page, hasMore, bestText), scored);
    }
}

/// <summary>A ranked item with its feature vector and each feature's contribution to its model score.</summary>
public sealed record ExplainedItem(RankedResource Item, IReadOnlyList<float> Features, IReadOnlyList<double> Contributions, double Baseline);
