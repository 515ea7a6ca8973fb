using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Application.Judgments;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Bot.Application.Training;

/// <summary>
/// The shape of the boosted trees. The same for both trainers, so cross-validation compares the algorithms, not
/// their settings.
/// </summary>
public sealed record TreeSettings(int Trees, int Leaves, int MinimumPerLeaf, double LearningRate)
{
    /// <summary>200 trees of 16 leaves at rate 0.1, at least 20 rows a leaf against overfitting a few hundred judged queries.</summary>
    public static TreeSettings Shipped { get; } = new(200, 16, 20, 0.1);

    /// <summary>What `model train --tree-settings` compares with the shipped shape on cross-validation.</summary>
    public static IReadOnlyList<TreeSettings> Candidates { get; } =
    [
        Shipped,
        new(400, 16, 20, 0.05),
        new(200, 32, 20, 0.1),
        new(200, 16, 50, 0.1),
        new(300, 8, 20, 0.1),
    ];

    public override string ToString() => FormattableString.Invariant($"{Trees} trees, {Leaves} leaves, ≥ {MinimumPerLeaf} rows a leaf, rate {LearningRate}");
}

public enum RankerAlgorithm
{
    FastTreeLambdaRank,
    LightGbmLambdaRank,
}

/// <summary>One judged request: its candidates (features) and each candidate's grade (0 when unjudged).</summary>
public sealed record TrainingQuery(string Input, IReadOnlyList<string> Ids, IReadOnlyList<float[]> Features, IReadOnlyList<int> Labels, Grades Grades);

/// <summary>Cross-validated nDCG@5 of one algorithm, per fold, and how long it took.</summary>
public sealed record CrossValidation(RankerAlgorithm Algorithm, IReadOnlyList<double> FoldNdcg, TimeSpan Elapsed)
{
    public double Mean => FoldNdcg.Average();
}

/// <summary>What <c>Bot model train</c> measured; written next to the model as ranker.metrics.json.</summary>
public sealed record TrainingMetrics
{
    public required string Algorithm { get; init; }
    public required int Queries { get; init; }
    public required int Rows { get; init; }
    public required int Features { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<double>> FoldNdcg { get; init; }
    public required IReadOnlyDictionary<string, double> MeanNdcg { get; init; }
    public required double TrainingSeconds { get; init; }

    /// <summary>Requests that feedback votes added or added grades to (<c>--with-feedback</c>); absent without feedback.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FeedbackRequests { get; init; }
}

/// <summary>
/// Trains the ranker on graded judgments with ML.NET (LambdaRank), deterministically: a fixed seed, one thread,
/// queries and candidates in a fixed order. Queries are split into folds whole, so no request is both trained and
/// measured on.
/// </summary>
public static class RankerTrainer
{
    public const int Folds = 5;
    public const int Seed = 20261204;
    public const int Cutoff = 5;


    /// <summary>Runs every judged request through the bot's own understanding and collects its candidates' features and grades.</summary>
    /// <param name="topicModel">The topic model the bot will run with (default the shipped one): requests naming no topic are understood through it.</param>
    /// <param name="understanding">Thresholds of request understanding, the topic model's among them; default the bot's.</param>
    public static IReadOnlyList<TrainingQuery> BuildDataset(
        ReadingCatalog catalog, IEnumerable<RecommendJudgment> judgments, RankingOptions? options = null, TopicModel? topicModel = null, MessageClassifierOptions? understanding = null)
    {
        var engine = new RecommendationEngine(catalog, RankerModel.Untrained, options, classifierOptions: understanding, topicModel: topicModel);
        var assistant = new ReadingAssistant(engine);
        var dataset = new List<TrainingQuery>();
        foreach (var judgment in judgments)
        {
            var (_, query) = assistant.HandleRecordedRequest(judgment.Input);
            if (query is null)
            {
                continue;
            }

            var candidates = engine.Recommender.Features.Extract(query with { Offset = 0 });
            var ids = candidates.Select(c => engine.Index.Resources[c.Doc].Id).ToList();
            var labels = ids.Select(judgment.Grades.Of).ToList();
            if (labels.Any(l => l > 0))
            {
                dataset.Add(new TrainingQuery(judgment.Input, ids, candidates.Select(c => c.Features).ToList(), labels, judgment.Grades));
            }
        }

        return dataset;
    }

    /// <summary>nDCG@5 per fold; <paramref name="removed"/> families are zeroed out (the ablation).</summary>
    public static CrossValidation CrossValidate(IReadOnlyList<TrainingQuery> dataset, RankerAlgorithm algorithm, IReadOnlySet<FeatureFamily>? removed = null, TreeSettings? settings = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var folds = new List<double>(Folds);
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = dataset.Where((_, i) => i % Folds != fold).ToList();
            var test = dataset.Where((_, i) => i % Folds == fold).ToList();
            var model = RankerModelFrom(Fit(train, algorithm, removed, settings ?? TreeSettings.Shipped, out _));
            folds.Add(test.Average(q => Ndcg(q, model, removed)));
        }

        return new CrossValidation(algorithm, folds, stopwatch.Elapsed);
    }

    /// <summary>Fits on every query and returns the saved model's bytes.</summary>
    public static byte[] TrainFinal(IReadOnlyList<TrainingQuery> dataset, RankerAlgorithm algorithm)
    {
        var transformer = Fit(dataset, algorithm, removed: null, TreeSettings.Shipped, out var schema);
        using var stream = new MemoryStream();
        Context().Model.Save(transformer, schema, stream);
        return stream.ToArray();
    }

    /// <summary>Mean nDCG@5 of a model over a dataset, ranking each query's candidates by score.</summary>
    public static double MeanNdcg(IReadOnlyList<TrainingQuery> dataset, RankerModel model) => dataset.Average(q => Ndcg(q, model, null));

    public static string ToJson(TrainingMetrics metrics) => JsonSerializer.Serialize(metrics, JsonOptions);

    public static TrainingMetrics? ReadMetrics(string json) => JsonSerializer.Deserialize<TrainingMetrics>(json, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static double Ndcg(TrainingQuery query, RankerModel model, IReadOnlySet<FeatureFamily>? removed)
    {
        var order = Enumerable.Range(0, query.Ids.Count)
            .Select(i => (i, Score: model.Score(Masked(query.Features[i], removed))))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => query.Ids[p.i], StringComparer.Ordinal)
            .Take(Cutoff)
            .Select(p => query.Labels[p.i]);
        var ideal = Dcg(query.Grades.ById.Values.OrderByDescending(g => g));
        return ideal > 0 ? Dcg(order) / ideal : 0;
    }

    private static double Dcg(IEnumerable<int> gains) => gains.Take(Cutoff).Select((g, i) => g / Math.Log2(i + 2)).Sum();

    private static float[] Masked(float[] features, IReadOnlySet<FeatureFamily>? removed)
    {
        if (removed is null || removed.Count == 0)
        {
            return features;
        }

        var copy = (float[])features.Clone();
        foreach (var definition in RankingFeatures.All.Where(d => removed.Contains(d.Family)))
        {
            copy[definition.Index] = 0;
        }

        return copy;
    }

    private static MLContext Context() => new(seed: Seed);

    private static ITransformer Fit(IReadOnlyList<TrainingQuery> queries, RankerAlgorithm algorithm, IReadOnlySet<FeatureFamily>? removed, TreeSettings settings, out DataViewSchema schema)
    {
        var ml = Context();
        var rows = queries.SelectMany((q, group) => q.Features.Select((f, i) => new Row
        {
            Label = q.Labels[i],
            GroupId = (uint)group + 1,
            Features = Masked(f, removed),
        })).ToList();
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Count);
        definition[nameof(Row.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), queries.Count + 1);
        var data = ml.Data.LoadFromEnumerable(rows, definition);
        schema = data.Schema;
        IEstimator<ITransformer> trainer = algorithm switch
        {
            RankerAlgorithm.FastTreeLambdaRank => ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = RankerModel.FeatureColumn,
                RowGroupColumnName = nameof(Row.GroupId),
                NumberOfLeaves = settings.Leaves,
                NumberOfTrees = settings.Trees,
                MinimumExampleCountPerLeaf = settings.MinimumPerLeaf,
                LearningRate = settings.LearningRate,
                NumberOfThreads = 1,
                Seed = Seed,
                FeatureFirstUsePenalty = 0,
            }),
            RankerAlgorithm.LightGbmLambdaRank => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = RankerModel.FeatureColumn,
                RowGroupColumnName = nameof(Row.GroupId),
                NumberOfLeaves = settings.Leaves,
                NumberOfIterations = settings.Trees,
                MinimumExampleCountPerLeaf = settings.MinimumPerLeaf,
                LearningRate = settings.LearningRate,
                NumberOfThreads = 1,
                Seed = Seed,
                Verbose = false,
                Silent = true,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown algorithm"),
        };
        return trainer.Fit(data);
    }

    private static RankerModel RankerModelFrom(ITransformer transformer)
    {
        var ml = Context();
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Count);
        definition[nameof(Row.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), 2);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<Row>(), definition).Schema;
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, schema, stream);
        stream.Position = 0;
        return RankerModel.Load(stream, "(cross-validation fold)");
    }

    public static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
