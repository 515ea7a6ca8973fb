using System.Numerics.Tensors;
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
/// "recommend" weigh little), counted by the catalog's own n-gram counter, and compared by cosine. A second set of
/// neighbours is found by meaning (<see cref="MeaningIndex"/>), so "which workers are still alive" meets the judged
/// asks on failure detection in other words. While training, each request's neighbours come from the other folds
/// only, as its priors do.
/// </remarks>
public sealed class JudgedNeighbours
{
    private readonly TfIdfSpace? _space;
    private readonly SparseVectorIndex? _index;
    private readonly JudgedExample[] _examples;

    // Each judged request placed by meaning, one row of the word vectors' length each; null without word vectors.
    private readonly float[]? _meanings;
    private readonly int _dimensions;

    private JudgedNeighbours(TfIdfSpace? space, SparseVectorIndex? index, JudgedExample[] examples, float[]? meanings, int dimensions)
    {
        _space = space;
        _index = index;
        _examples = examples;
        _meanings = meanings;
        _dimensions = dimensions;
    }

    /// <summary>No judged requests: every neighbour feature is 0.</summary>
    public static JudgedNeighbours Empty { get; } = new(null, null, [], null, 0);

    /// <summary>
    /// The judged requests, their subject words counted by <paramref name="counter"/> (the catalog's, which counts the
    /// new requests too) and, with <paramref name="meaning"/>, placed by meaning as well.
    /// </summary>
    public static JudgedNeighbours Build(NgramCounter counter, IReadOnlyList<JudgedExample> examples, MeaningIndex? meaning = null)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            return Empty;
        }

        var (space, vectors) = TfIdfSpace.Fit(counter, counter.CountAll([.. examples.Select(e => e.Text)]));
        float[]? meanings = null;
        if (meaning is not null)
        {
            meanings = new float[examples.Count * meaning.Dimensions];
            for (var i = 0; i < examples.Count; i++)
            {
                meaning.Place(examples[i].Text, meanings.AsSpan(i * meaning.Dimensions, meaning.Dimensions));
            }
        }

        return new JudgedNeighbours(space, new SparseVectorIndex(vectors), [.. examples], meanings, meaning?.Dimensions ?? 0);
    }

    /// <summary>
    /// The <paramref name="count"/> judged requests nearest to one request's subject words, each weighing by its
    /// cosine to the power <paramref name="similarityPower"/>, summed once so that each candidate costs a lookup by id.
    /// </summary>
    public RequestNeighbours For(NgramCounts query, Level? level, int count, double similarityPower) =>
        _space is null || _index is null
            ? RequestNeighbours.None
            : Sum([.. _index.TopK(_space.Transform(query), count).Select(hit => (hit.DocumentIndex, hit.Score))], level, similarityPower);

    /// <summary><see cref="For"/> by meaning: the judged requests placed nearest <paramref name="request"/> (a <see cref="MeaningIndex.Place(string)"/> vector).</summary>
    public RequestNeighbours ForMeaning(float[] request, Level? level, int count, double similarityPower)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_meanings is null || count <= 0 || TensorPrimitives.MaxMagnitude(request) == 0)
        {
            return RequestNeighbours.None;
        }

        var best = new PriorityQueue<int, float>(count + 1);
        for (var i = 0; i < _examples.Length; i++)
        {
            best.Enqueue(i, TensorPrimitives.Dot(request, _meanings.AsSpan(i * _dimensions, _dimensions)));
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }

        var hits = new List<(int Example, float Score)>(best.Count);
        while (best.TryDequeue(out var example, out var score))
        {
            if (score > 0)
            {
                hits.Add((example, score));
            }
        }

        hits.Reverse();
        return Sum(hits, level, similarityPower);
    }

    /// <summary>The grades of <paramref name="hits"/> (best first), each weighing by its similarity to the power <paramref name="similarityPower"/>.</summary>
    private RequestNeighbours Sum(IReadOnlyList<(int Example, float Score)> hits, Level? level, double similarityPower)
    {
        if (hits.Count == 0)
        {
            return RequestNeighbours.None;
        }

        var grades = new Dictionary<string, Weighted>(StringComparer.Ordinal);
        double total = 0, totalAtLevel = 0;
        foreach (var (index, score) in hits)
        {
            var example = _examples[index];
            var atLevel = example.Level == level;
            var weight = Math.Pow(score, similarityPower);
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

        public static RequestNeighbours None { get; } = new([], 0, 0, 0);

        /// <summary>The <paramref name="count"/> items with the highest weighted grade over the neighbours, best first (ties by id).</summary>
        public IEnumerable<string> Best(int count) =>
            _grades.OrderByDescending(pair => pair.Value.Grade).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(count).Select(pair => pair.Key);

        /// <summary>The item's neighbour features, written into <paramref name="slots"/> of <paramref name="features"/>.</summary>
        public void Fill(string id, float[] features, NeighbourSlots slots)
        {
            var sums = _grades.GetValueOrDefault(id);
            var grade = _total > 0 ? sums.Grade / _total : 0;
            features[slots.Grade] = (float)grade;
            features[slots.LevelGrade] = (float)(_totalAtLevel > 0 ? sums.GradeAtLevel / _totalAtLevel : grade);
            features[slots.IdealShare] = (float)(_total > 0 ? sums.Ideal / _total : 0);
            features[slots.Nearest] = _nearest;
        }
    }
}

/// <summary>Where one set of neighbours writes its four features (<see cref="JudgedNeighbours.RequestNeighbours.Fill"/>).</summary>
public readonly record struct NeighbourSlots(int Grade, int LevelGrade, int IdealShare, int Nearest)
{
    /// <summary>The neighbours by words (<see cref="FeatureFamily.Neighbours"/>).</summary>
    public static NeighbourSlots Words { get; } = new(RankingFeatures.NeighbourGrade, RankingFeatures.NeighbourLevelGrade, RankingFeatures.NeighbourIdealShare, RankingFeatures.NeighbourNearestSimilarity);

    /// <summary>The neighbours by meaning (<see cref="FeatureFamily.Meaning"/>).</summary>
    public static NeighbourSlots Meaning { get; } = new(RankingFeatures.MeaningNeighbourGrade, RankingFeatures.MeaningNeighbourLevelGrade, RankingFeatures.MeaningNeighbourIdealShare, RankingFeatures.MeaningNeighbourNearest);
}
