using System.Reflection;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// The trained ranking model: ML.NET's boosted trees, read once from the saved model and then evaluated directly,
/// so scoring needs no prediction engine (thread-safe, no per-call allocation) and can say what each feature added.
/// </summary>
public sealed class RankerModel
{
    /// <summary>The model's name inside this assembly; the file is data/models/ranker.zip in the repository.</summary>
    public const string ResourceName = "Bot.Recommendation.ranker.zip";

    /// <summary>The judged priors shipped beside the model (data/models/judged-priors.tsv), inside this assembly.</summary>
    public const string PriorsResourceName = "Bot.Recommendation." + JudgedPriors.FileName;

    /// <summary>The model's input: one vector of <see cref="RankingFeatures.Count"/> floats.</summary>
    public const string FeatureColumn = "Features";

    private static readonly Lazy<RankerModel> BundledModel = new(LoadBundled);

    private readonly Tree[] _trees;
    private readonly double _bias;

    // For scoring, every split of every tree grouped by feature, by threshold within one (see Score): the threshold,
    // its tree, and which of the tree's leaves a value above it still allows (bit i: the tree's i-th leaf from the left).
    private readonly int[] _featureStart;
    private readonly float[] _thresholds;
    private readonly int[] _splitTree;
    private readonly ulong[] _aboveMasks;

    // Each tree's leaf values from left to right, already times the tree's weight; a tree's first at _leafStart[tree].
    private readonly double[] _weightedLeafValues;
    private readonly int[] _leafStart;

    private RankerModel(Tree[] trees, double bias, int featureCount)
    {
        _trees = trees;
        _bias = bias;
        FeatureCount = featureCount;
        (_featureStart, _thresholds, _splitTree, _aboveMasks, _weightedLeafValues, _leafStart) = Flatten(trees, featureCount);
    }

    /// <summary>The model trained from the repository's judgments and built into this assembly.</summary>
    public static RankerModel Bundled => BundledModel.Value;

    /// <summary>A model that scores every candidate alike (0): used to build training data before any model exists.</summary>
    public static RankerModel Untrained { get; } = new([], 0, RankingFeatures.Count);

    public int FeatureCount { get; }

    /// <summary>The priors the model was trained with (<see cref="FeatureFamily.Judged"/>); empty for a model without them.</summary>
    public JudgedPriors Priors { get; private set; } = JudgedPriors.Empty;

    public int TreeCount => _trees.Length;

    /// <summary>Reads a model saved by ML.NET (a ranking trainer over one feature vector); throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static RankerModel Load(Stream stream, string origin)
    {
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = new MLContext(seed: 0).Model.Load(stream, out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"The ranking model {origin} is unreadable ({e.Message}). Rebuild it with `Bot model train`.", e);
        }

        var last = transformer is TransformerChain<ITransformer> chain ? chain.LastTransformer : transformer;
        if (last is not IPredictionTransformer<TreeEnsembleModelParametersBasedOnRegressionTree> prediction)
        {
            throw new InvalidDataException($"The ranking model {origin} is not a tree ensemble ({last.GetType().Name}). Rebuild it with `Bot model train`.");
        }

        var featureCount = inputSchema.GetColumnOrNull(FeatureColumn)?.Type is VectorDataViewType { Size: > 0 } vector ? vector.Size : -1;
        if (featureCount != RankingFeatures.Count)
        {
            throw new InvalidDataException($"The ranking model {origin} expects {featureCount} features; the ranker computes {RankingFeatures.Count}. Rebuild it with `Bot model train`.");
        }

        var ensemble = prediction.Model.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select((tree, i) => Tree.From(tree, ensemble.TreeWeights[i])).ToArray();
        return new RankerModel(trees, ensemble.Bias, featureCount);
    }

    /// <summary>The same trees ranking with <paramref name="priors"/> (the scoring tables are shared, not rebuilt).</summary>
    public RankerModel WithPriors(JudgedPriors priors)
    {
        var copy = (RankerModel)MemberwiseClone();
        copy.Priors = priors;
        return copy;
    }

    /// <summary>Reads a model file and the judged priors saved beside it (<see cref="JudgedPriors.FileName"/> in its folder).</summary>
    public static RankerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The ranking model {path} is missing. Build it with `Bot model train`.", path);
        }

        RankerModel model;
        using (var stream = File.OpenRead(path))
        {
            model = Load(stream, path);
        }

        var priorsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, JudgedPriors.FileName);
        if (!File.Exists(priorsPath))
        {
            throw new FileNotFoundException($"The judged priors {priorsPath} that go with {path} are missing. Build both with `Bot model train`.", priorsPath);
        }

        using var reader = File.OpenText(priorsPath);
        return model.WithPriors(JudgedPriors.Parse(reader, priorsPath));
    }

    public double Score(ReadOnlySpan<float> features)
    {
        var leaves = _trees.Length <= 256 ? stackalloc ulong[_trees.Length] : new ulong[_trees.Length];
        return Score(features, leaves);
    }

    /// <summary>Every split's feature and threshold.</summary>
    internal IEnumerable<(int Feature, float Threshold)> Splits =>
        Enumerable.Range(0, FeatureCount).SelectMany(f => Enumerable.Range(_featureStart[f], _featureStart[f + 1] - _featureStart[f]).Select(i => (f, _thresholds[i])));

    /// <summary>The score by walking each tree from its root, the plain way: what <see cref="Score(ReadOnlySpan{float})"/> must equal.</summary>
    internal double ScoreByWalkingTrees(ReadOnlySpan<float> features)
    {
        var score = _bias;
        foreach (var tree in _trees)
        {
            score += tree.Weight * tree.LeafValues[tree.Leaf(features)];
        }

        return score;
    }

    /// <summary>The scores of many feature vectors, each what <see cref="Score(ReadOnlySpan{float})"/> gives it.</summary>
    public void Score(IReadOnlyList<float[]> features, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (scores.Length < features.Count)
        {
            throw new ArgumentException($"Room for {scores.Length} scores, {features.Count} asked for.", nameof(scores));
        }

        var leaves = _trees.Length <= 256 ? stackalloc ulong[_trees.Length] : new ulong[_trees.Length];
        for (var i = 0; i < features.Count; i++)
        {
            scores[i] = Score(features[i], leaves);
        }
    }

    /// <summary>
    /// Which leaf of each tree a vector falls into, found without walking the trees (the QuickScorer method): a value
    /// above a split's threshold goes right, which rules out every leaf left of the split; the leaf reached is the
    /// leftmost one no split rules out. A feature's splits are sorted by threshold, so its first split the value does
    /// not exceed ends its loop. The trees' values are then added in tree order, as a walk of each would add them.
    /// </summary>
    private double Score(ReadOnlySpan<float> features, Span<ulong> leaves)
    {
        leaves.Fill(ulong.MaxValue);
        var thresholds = _thresholds;
        var splitTree = _splitTree;
        var aboveMasks = _aboveMasks;
        for (var feature = 0; feature < FeatureCount; feature++)
        {
            var value = features[feature];
            var end = _featureStart[feature + 1];

            // At or below the threshold goes left, as in ML.NET: NaN, never at or below, goes right of every split.
            for (var split = _featureStart[feature]; split < end && !(value <= thresholds[split]); split++)
            {
                leaves[splitTree[split]] &= aboveMasks[split];
            }
        }

        var score = _bias;
        for (var tree = 0; tree < leaves.Length; tree++)
        {
            score += _weightedLeafValues[_leafStart[tree] + BitOperations.TrailingZeroCount(leaves[tree])];
        }

        return score;
    }

    private static (int[] FeatureStart, float[] Thresholds, int[] SplitTree, ulong[] AboveMasks, double[] WeightedLeafValues, int[] LeafStart) Flatten(
        Tree[] trees, int featureCount)
    {
        var splits = new List<(int Feature, float Threshold, int Tree, ulong AboveMask)>();
        var values = new List<double>();
        var leafStart = new int[trees.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            var leftToRight = tree.LeavesLeftToRight();
            if (leftToRight.Count > 64)
            {
                throw new InvalidDataException($"The ranking model has a tree of {leftToRight.Count} leaves; the ranker evaluates at most 64.");
            }

            leafStart[t] = values.Count;
            values.AddRange(leftToRight.Select(leaf => tree.Weight * tree.LeafValues[leaf]));
            foreach (var (split, first, end) in tree.LeftSubtreeLeaves(leftToRight))
            {
                var left = (end - first == 64 ? ulong.MaxValue : (1UL << (end - first)) - 1) << first;
                splits.Add((split.Feature, split.Threshold, t, ~left));
            }
        }

        var ordered = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ToArray();
        var featureStart = new int[featureCount + 1];
        foreach (var split in ordered)
        {
            featureStart[split.Feature + 1]++;
        }

        for (var f = 0; f < featureCount; f++)
        {
            featureStart[f + 1] += featureStart[f];
        }

        return (
            featureStart,
            [.. ordered.Select(s => s.Threshold)],
            [.. ordered.Select(s => s.Tree)],
            [.. ordered.Select(s => s.AboveMask)],
            [.. values],
            leafStart);
    }

    /// <summary>
    /// What each feature added to the score: along each tree's path, the change in the mean leaf value below a node
    /// is credited to the node's feature. The contributions and <see cref="Baseline"/> sum to the score.
    /// </summary>
    public double[] Contributions(ReadOnlySpan<float> features)
    {
        var contributions = new double[RankingFeatures.Count];
        foreach (var tree in _trees)
        {
            tree.AddContributions(features, contributions);
        }

        return contributions;
    }

    /// <summary>The score before any feature is looked at: the bias plus each tree's mean leaf value.</summary>
    public double Baseline => _bias + _trees.Sum(t => t.Weight * t.RootMean);

    private static RankerModel LoadBundled()
    {
        using var stream = typeof(RankerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The ranking model is missing from {typeof(RankerModel).Assembly.GetName().Name}: data/models/ranker.zip was not there at build time. Build it with `Bot model train` and rebuild.");
        var model = Load(stream, "data/models/ranker.zip");
        using var priors = typeof(RankerModel).Assembly.GetManifestResourceStream(PriorsResourceName)
            ?? throw new InvalidDataException($"The judged priors are missing from {typeof(RankerModel).Assembly.GetName().Name}: data/models/{JudgedPriors.FileName} was not there at build time. Build it with `Bot model train` and rebuild.");
        using var reader = new StreamReader(priors);
        return model.WithPriors(JudgedPriors.Parse(reader, "data/models/" + JudgedPriors.FileName));
    }

    private sealed class Tree
    {
        private readonly int[] _left;
        private readonly int[] _right;

        // A node's split and children side by side: one cache line per step of a walk rather than four.
        private readonly Split[] _splits;
        private readonly double[] _leafValues;
        private readonly double[] _nodeMean;

        private Tree(int[] left, int[] right, int[] feature, float[] threshold, double[] leafValues, double weight)
        {
            _left = left;
            _right = right;
            _splits = new Split[left.Length];
            for (var node = 0; node < left.Length; node++)
            {
                _splits[node] = new Split(feature[node], threshold[node], left[node], right[node]);
            }

            _leafValues = leafValues;
            Weight = weight;
            _nodeMean = new double[left.Length];
            if (left.Length == 0)
            {
                RootMean = leafValues.Length > 0 ? leafValues[0] : 0;
            }
            else
            {
                var (sum, count) = Mean(0);
                RootMean = sum / count;
            }
        }

        public double Weight { get; }

        public double RootMean { get; }

        public IReadOnlyList<double> LeafValues => _leafValues;

        /// <summary>The leaf a feature vector falls into; a value at or below the threshold goes left, as in ML.NET.</summary>
        public int Leaf(ReadOnlySpan<float> features)
        {
            if (_left.Length == 0)
            {
                return 0;
            }

            var node = 0;
            while (node >= 0)
            {
                ref readonly var split = ref _splits[node];
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }

            return ~node;
        }

        /// <summary>The tree's leaves (their numbers in <see cref="LeafValues"/>) in order from left to right.</summary>
        public IReadOnlyList<int> LeavesLeftToRight()
        {
            var leaves = new List<int>();
            void Visit(int node)
            {
                if (node < 0)
                {
                    leaves.Add(~node);
                    return;
                }

                Visit(_left[node]);
                Visit(_right[node]);
            }

            if (_left.Length == 0)
            {
                leaves.Add(0);
            }
            else
            {
                Visit(0);
            }

            return leaves;
        }

        /// <summary>Each split with the leaves of its left subtree: positions first to end (exclusive) in <paramref name="leftToRight"/>.</summary>
        public IEnumerable<(Split Split, int First, int End)> LeftSubtreeLeaves(IReadOnlyList<int> leftToRight)
        {
            var position = new Dictionary<int, int>();
            for (var i = 0; i < leftToRight.Count; i++)
            {
                position[leftToRight[i]] = i;
            }

            // A subtree's leaves are contiguous from left to right: its leftmost and rightmost leaf bound them.
            int Leftmost(int node) => node < 0 ? position[~node] : Leftmost(_left[node]);
            int Rightmost(int node) => node < 0 ? position[~node] : Rightmost(_right[node]);
            for (var node = 0; node < _left.Length; node++)
            {
                yield return (_splits[node], Leftmost(_left[node]), Rightmost(_left[node]) + 1);
            }
        }

        public static Tree From(RegressionTree tree, double weight)
        {
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new InvalidDataException("The ranking model uses categorical splits, which the ranker does not evaluate.");
            }

            return new Tree(
                tree.LeftChild.ToArray(),
                tree.RightChild.ToArray(),
                tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(),
                tree.LeafValues.ToArray(),
                weight);
        }

        public void AddContributions(ReadOnlySpan<float> features, double[] contributions)
        {
            if (_left.Length == 0)
            {
                return;
            }

            var node = 0;
            var mean = _nodeMean[0];
            while (node >= 0)
            {
                ref readonly var split = ref _splits[node];
                var next = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
                var nextMean = next >= 0 ? _nodeMean[next] : _leafValues[~next];
                contributions[split.Feature] += Weight * (nextMean - mean);
                node = next;
                mean = nextMean;
            }
        }

        public readonly record struct Split(int Feature, float Threshold, int Left, int Right);

        private (double Sum, int Count) Mean(int node)
        {
            if (node < 0)
            {
                return (_leafValues[~node], 1);
            }

            var left = Mean(_left[node]);
            var right = Mean(_right[node]);
            var total = (left.Sum + right.Sum, left.Count + right.Count);
            _nodeMean[node] = total.Item1 / total.Item2;
            return total;
        }
    }
}
