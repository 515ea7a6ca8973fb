using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// The judged requests worded most like a new one, and what the judges handed out for them: "keeping the search index
/// in sync without dual writes" finds the judged asks about dual writes, whatever topic the words were read as. Where
/// the judged priors (<see cref="JudgedPriors"/>) remember what teachers give for a topic, these remember it for a
/// wording, so a misread topic or a two-topic ask still meets what was given for asks like it.
/// </summary>
/// <remarks>
/// The judged requests' subject words are weighted by TF-IDF over the judged requests themselves (so "read" and
/// "recommend" weigh little), counted by the catalog's own n-gram counter, and compared by cosine. While training,
/// each request's neighbours come from the other folds only, as its priors do.
/// </remarks>
public sealed class JudgedNeighbours
{
    private readonly TfIdfSpace? _space;
    private readonly SparseVectorIndex? _index;
    private readonly JudgedExample[] _examples;

    private JudgedNeighbours(TfIdfSpace? space, SparseVectorIndex? index, JudgedExample[] examples)
    {
        _space = space;
        _index = index;
        _examples = examples;
    }

    /// <summary>No judged requests: every neighbour feature is 0.</summary>
    public static JudgedNeighbours Empty { get; } = new(null, null, []);

    /// <summary>The judged requests, their subject words counted by <paramref name="counter"/> (the catalog's, which counts the new requests too).</summary>
    public static JudgedNeighbours Build(NgramCounter counter, IReadOnlyList<JudgedExample> examples)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            return Empty;
        }

        var (space, vectors) = TfIdfSpace.Fit(counter, counter.CountAll([.. examples.Select(e => e.Text)]));
        return new JudgedNeighbours(space, new SparseVectorIndex(vectors), [.. examples]);
    }

    /// <summary>
    /// The <paramref name="count"/> judged requests nearest to one request's subject words, each weighing by its
    /// cosine to the power <paramref name="similarityPower"/>, summed once so that each candidate costs a lookup by id.
    /// </summary>
    public RequestNeighbours For(NgramCounts query, Level? level, int count, double similarityPower)
    {
        if (_space is null || _index is null)
        {
            return RequestNeighbours.None;
        }

        var hits = _index.TopK(_space.Transform(query), count);
        if (hits.Count == 0)
        {
            return RequestNeighbours.None;
        }

        var grades = new Dictionary<string, Weighted>(StringComparer.Ordinal);
        double total = 0, totalAtLevel = 0;
        foreach (var hit in hits)
        {
            var example = _examples[hit.DocumentIndex];
            var atLevel = example.Level == level;
            var weight = Math.Pow(hit.Score, similarityPower);
            total += weight;
            totalAtLevel += atLevel ? weight : 0;
            foreach (var (id, grade) in example.Grades)
            {
                if (grade > 0)
                {
                    var sums = grades.GetValueOrDefault(id);
                    grades[id] = new Weighted(
                        sums.Grade + weight * grade,
                        sums.GradeAtLevel + (atLevel ? weight * grade : 0),
                        sums.Ideal + (grade >= 3 ? weight : 0));
                }
            }
        }

        return new RequestNeighbours(grades, total, totalAtLevel, hits[0].Score);
    }

    /// <summary>Similarity-weighted sums of one item's grades over a request's neighbours.</summary>
    internal readonly record struct Weighted(double Grade, double GradeAtLevel, double Ideal);

    /// <summary>The neighbours of one request (<see cref="For"/>).</summary>
    public sealed class RequestNeighbours
    {
        private readonly Dictionary<string, Weighted> _grades;
        private readonly double _total;
        private readonly double _totalAtLevel;
        private readonly float _nearest;

        internal RequestNeighbours(Dictionary<string, Weighted> grades, double total, double totalAtLevel, float nearest)
        {
            _grades = grades;
            _total = total;
            _totalAtLevel = totalAtLevel;
            _nearest = nearest;
        }

        internal static RequestNeighbours None { get; } = new([], 0, 0, 0);

        /// <summary>The <paramref name="count"/> items with the highest weighted grade over the neighbours, best first (ties by id).</summary>
        public IEnumerable<string> Best(int count) =>
            _grades.OrderByDescending(pair => pair.Value.Grade).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(count).Select(pair => pair.Key);

        /// <summary>The item's neighbour features, written into the <see cref="FeatureFamily.Neighbours"/> slots of <paramref name="features"/>.</summary>
        public void Fill(string id, float[] features)
        {
            var sums = _grades.GetValueOrDefault(id);
            var grade = _total > 0 ? sums.Grade / _total : 0;
            features[RankingFeatures.NeighbourGrade] = (float)grade;
            features[RankingFeatures.NeighbourLevelGrade] = (float)(_totalAtLevel > 0 ? sums.GradeAtLevel / _totalAtLevel : grade);
            features[RankingFeatures.NeighbourIdealShare] = (float)(_total > 0 ? sums.Ideal / _total : 0);
            features[RankingFeatures.NeighbourNearestSimilarity] = _nearest;
        }
    }
}
