using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Application.Judgments;
using Bot.Catalog;
using Bot.Featurization;
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
/// The shape of the boosted trees and the gain LambdaRank optimises per grade. The same for both trainers, so
/// cross-validation compares the algorithms, not their settings.
/// </summary>
public sealed record TreeSettings(int Trees, int Leaves, int MinimumPerLeaf, double LearningRate)
{
    /// <summary>The gains of the nDCG@5 we measure (and the judges' scale): grade g is worth g. The trainers want five levels; grade 4 never occurs.</summary>
    public static IReadOnlyList<int> LinearGains { get; } = [0, 1, 2, 3, 4];

    /// <summary>ML.NET's default gains: an ideal item worth five acceptable ones.</summary>
    public static IReadOnlyList<int> ExponentialGains { get; } = [0, 3, 7, 15, 31];

    /// <summary>Gain per grade (index = grade) that LambdaRank's swaps are weighted by.</summary>
    public IReadOnlyList<int> Gains { get; init; } = ExponentialGains;

    /// <summary>Share of the features each tree may split on (1: all).</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>
    /// 400 trees of 16 leaves at rate 0.05, at least 20 rows a leaf against overfitting a few thousand judged queries.
    /// On 2,631 judged requests (2026-12-05, <c>--tree-settings</c>) it scored 0.7382 against 0.7344 for 200 trees at
    /// rate 0.1, every fold up; every other shape tried scored between the two. Exponential gains: on cross-validation
    /// they beat the linear gains of the measure itself (0.7150 against 0.7121 on 2026-12-04; level with 400 trees at 0.05).
    /// </summary>
    public static TreeSettings Shipped { get; } = new(400, 16, 20, 0.05);

    /// <summary>What `model train --tree-settings` compares with the shipped shape on cross-validation.</summary>
    public static IReadOnlyList<TreeSettings> Candidates { get; } =
    [
        Shipped,
        Shipped with { Gains = LinearGains },
        Shipped with { FeatureFraction = 0.7 },
        new(200, 16, 20, 0.1),
        new(200, 32, 20, 0.1),
        new(200, 16, 50, 0.1),
        new(300, 8, 20, 0.1),
    ];

    public override string ToString() => FormattableString.Invariant($"{Trees} trees, {Leaves} leaves, ≥ {MinimumPerLeaf} rows a leaf, rate {LearningRate}, gains {string.Join('/', Gains)}, feature fraction {FeatureFraction}");
}

public enum RankerAlgorithm
{
    FastTreeLambdaRank,
    LightGbmLambdaRank,
}

/// <summary>One judged request: its candidates (features) and each candidate's grade (0 when unjudged).</summary>
public sealed record TrainingQuery(string Input, IReadOnlyList<string> Ids, IReadOnlyList<float[]> Features, IReadOnlyList<int> Labels, Grades Grades)
{
    /// <summary>How the bot understood the request (for the misses report and the judged priors); null when built by hand.</summary>
    public RecommendationQuery? Query { get; init; }

    /// <summary>The judge's reading of the request (topics, level, grades) that the judged priors count; null when built by hand.</summary>
    public JudgedExample? Example { get; init; }

    /// <summary>The catalog and options its candidates were found with, to find them again with a fold's judged priors; null when built by hand.</summary>
    public CandidateSource? Source { get; init; }

    /// <summary>The judged set (one judge session) it came from; <see cref="FoldGrouping.BySet"/> keeps a set in one fold.</summary>
    public string Set { get; init; } = string.Empty;
}

/// <summary>
/// The folds of a cross-validation: <see cref="Measured"/> splits what is measured from what is trained on;
/// <see cref="Priors"/> splits the training requests again so none of them has priors holding its own grades.
/// </summary>
public sealed record Folding(FoldGrouping Measured, FoldGrouping Priors)
{
    public static Folding Shipped { get; } = new(FoldGrouping.Interleaved, FoldGrouping.Interleaved);

    public override string ToString() => $"measured {Measured}, priors {Priors}";
}

/// <summary>
/// Where a judged request's candidates come from. The judged priors decide some of them (what was handed out for asks
/// worded alike) and some of their features, so each fold finds them again with the priors it may count.
/// </summary>
public sealed record CandidateSource(CatalogIndex Index, RankingOptions Options);

/// <summary>What <see cref="RankerTrainer.TrainFinal"/> produces: the saved model's bytes and the priors it ranks with.</summary>
public sealed record TrainedRanker(byte[] Model, JudgedPriors Priors);

/// <summary>
/// One judged request under cross-validation: its fold, its nDCG@5, the best its candidates allow, and the fold model's
/// order of its candidates with their scores (aligned with <see cref="Ranking"/>).
/// </summary>
public sealed record QueryOutcome(TrainingQuery Query, int Fold, double Ndcg, double Ceiling, IReadOnlyList<string> Ranking, IReadOnlyList<double> Scores)
{
    public IReadOnlyList<string> Top => Ranking.Take(RankerTrainer.Cutoff).ToList();
}

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


    /// <summary>
    /// Runs every judged request through the bot's own understanding and collects its candidates' features and grades.
    /// The <see cref="FeatureFamily.Judged"/> features are left at 0 here: which judgments they may count depends on
    /// the fold, so training and cross-validation fill them (<see cref="WithPriors"/>).
    /// </summary>
    /// <param name="topicModel">The topic model the bot will run with (default the shipped one): requests naming no topic are understood through it.</param>
    /// <param name="understanding">Thresholds of request understanding, the topic model's among them; default the bot's.</param>
    /// <param name="levelModel">The level model the bot will run with (default the shipped one): free-text requests the level phrases find no level in are read through it.</param>
    public static IReadOnlyList<TrainingQuery> BuildDataset(
        ReadingCatalog catalog, IEnumerable<RecommendJudgment> judgments, RankingOptions? options = null, TopicModel? topicModel = null, MessageClassifierOptions? understanding = null, LevelModel? levelModel = null)
    {
        var engine = new RecommendationEngine(catalog, RankerModel.Untrained, options, classifierOptions: understanding, topicModel: topicModel, levelModel: levelModel);
        var assistant = new ReadingAssistant(engine);
        var source = new CandidateSource(engine.Index, options ?? RankingOptions.Default);
        return judgments.Select(judgment => Read(judgment, assistant, engine.Recommender.Features, source)).OfType<TrainingQuery>().ToList();
    }

    /// <summary>
    /// One judged request as <paramref name="assistant"/> understands it, with its candidates found in <paramref name="source"/>;
    /// null when it is not answered with a ranking or no candidate is graded.
    /// </summary>
    internal static TrainingQuery? Read(RecommendJudgment judgment, ReadingAssistant assistant, RankingFeatureExtractor extractor, CandidateSource source)
    {
        var (_, query) = assistant.HandleRecordedRequest(judgment.Input);
        if (query is null)
        {
            return null;
        }

        var candidates = extractor.Extract(query with { Offset = 0 });
        var ids = candidates.Select(c => source.Index.Resources[c.Doc].Id).ToList();
        var labels = ids.Select(judgment.Grades.Of).ToList();
        return labels.Any(l => l > 0)
            ? new TrainingQuery(judgment.Input, ids, candidates.Select(c => c.Features).ToList(), labels, judgment.Grades)
            {
                Set = judgment.Set,
                Query = query,
                Example = new JudgedExample(judgment.Topics, judgment.Level, judgment.Grades.ById, extractor.RequestText(query)),
                Source = source,
            }
            : null;
    }

    /// <summary>nDCG@5 per fold; <paramref name="removed"/> families are zeroed out (the ablation).</summary>
    public static CrossValidation CrossValidate(
        IReadOnlyList<TrainingQuery> dataset, RankerAlgorithm algorithm, IReadOnlySet<FeatureFamily>? removed = null, TreeSettings? settings = null, Folding? folding = null, IReadOnlyList<TrainingQuery>? trainedOn = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var outcomes = CrossValidateQueries(dataset, algorithm, removed, settings, folding, trainedOn);
        var folds = Enumerable.Range(0, Folds).Select(fold => outcomes.Where(o => o.Fold == fold).Average(o => o.Ndcg)).ToList();
        return new CrossValidation(algorithm, folds, stopwatch.Elapsed);
    }

    /// <summary>Each request's outcome when ranked by the model of the fold that did not train on it.</summary>
    /// <param name="trainedOn">
    /// The same requests read another way (matched by set and words), to train on while the measured requests are read
    /// as in <paramref name="dataset"/>; default the dataset itself. Requests it lacks are not trained on.
    /// </param>
    public static IReadOnlyList<QueryOutcome> CrossValidateQueries(
        IReadOnlyList<TrainingQuery> dataset, RankerAlgorithm algorithm, IReadOnlySet<FeatureFamily>? removed = null, TreeSettings? settings = null, Folding? folding = null, IReadOnlyList<TrainingQuery>? trainedOn = null)
    {
        folding ??= Folding.Shipped;
        var measuredFolds = FoldsOf(dataset, folding.Measured);
        var priorFolds = FoldsOf(dataset, folding.Priors);
        var training = trainedOn is null ? dataset : Aligned(dataset, trainedOn);
        var outcomes = new List<QueryOutcome>(dataset.Count);
        for (var fold = 0; fold < Folds; fold++)
        {
            var measured = fold;
            var train = OutOfFoldPriors(training, priorFolds, i => measuredFolds[i] == measured || training[i] is null);
            var model = RankerModelFrom(Fit(train, algorithm, removed, settings ?? TreeSettings.Shipped, out _));
            var test = WithPriors(dataset.Where((_, i) => measuredFolds[i] == measured).ToList(), PriorsOf(dataset.Where((_, i) => measuredFolds[i] != measured)));
            foreach (var query in test)
            {
                var order = Order(query, model, removed);
                var ideal = Dcg(query.Grades.ById.Values.OrderByDescending(g => g));
                var reachable = Dcg(query.Labels.OrderByDescending(g => g));
                outcomes.Add(new QueryOutcome(
                    query,
                    fold,
                    NdcgOf(query, order.Select(p => query.Ids[p.Index])),
                    ideal > 0 ? reachable / ideal : 0,
                    order.Select(p => query.Ids[p.Index]).ToList(),
                    order.Select(p => p.Score).ToList()));
            }
        }

        return outcomes;
    }

    /// <summary>For each query of <paramref name="dataset"/>, the first of <paramref name="other"/> with its set and words (null where none).</summary>
    private static TrainingQuery[] Aligned(IReadOnlyList<TrainingQuery> dataset, IReadOnlyList<TrainingQuery> other)
    {
        var byKey = new Dictionary<(string, string), TrainingQuery>();
        foreach (var query in other)
        {
            byKey.TryAdd((query.Set, query.Input), query);
        }

        return [.. dataset.Select(q => byKey.GetValueOrDefault((q.Set, q.Input))!)];
    }

    /// <summary>
    /// Fits on every query (each with the priors of the other folds) and returns the saved model's bytes and the
    /// priors counted from every query, which the model ranks with.
    /// </summary>
    public static TrainedRanker TrainFinal(IReadOnlyList<TrainingQuery> dataset, RankerAlgorithm algorithm)
    {
        var transformer = Fit(OutOfFoldPriors(dataset, FoldsOf(dataset, Folding.Shipped.Priors), _ => false), algorithm, removed: null, TreeSettings.Shipped, out var schema);
        using var stream = new MemoryStream();
        Context().Model.Save(transformer, schema, stream);
        return new TrainedRanker(stream.ToArray(), PriorsOf(dataset));
    }

    /// <summary>
    /// The queries with their candidates found again and their features computed with <paramref name="priors"/> (its
    /// judged requests give the <see cref="FeatureFamily.Judged"/> and <see cref="FeatureFamily.Neighbours"/> features
    /// and some candidates); copies, the dataset is not changed. Queries built by hand are returned as they are.
    /// </summary>
    public static IReadOnlyList<TrainingQuery> WithPriors(IReadOnlyList<TrainingQuery> queries, JudgedPriors priors)
    {
        var extractors = new Dictionary<CandidateSource, RankingFeatureExtractor>();
        return queries.Select(q =>
        {
            if (q.Query is not { } understood || q.Source is not { } source)
            {
                return q;
            }

            if (!extractors.TryGetValue(source, out var extractor))
            {
                extractor = new RankingFeatureExtractor(source.Index, source.Options, priors);
                extractors[source] = extractor;
            }

            var candidates = extractor.Extract(understood with { Offset = 0 });
            var ids = candidates.Select(c => source.Index.Resources[c.Doc].Id).ToList();
            return q with { Ids = ids, Features = candidates.Select(c => c.Features).ToList(), Labels = ids.Select(q.Grades.Of).ToList() };
        }).ToList();
    }

    /// <summary>The priors counted from these queries' judgments.</summary>
    public static JudgedPriors PriorsOf(IEnumerable<TrainingQuery> queries) => JudgedPriors.From(queries.Select(q => q.Example).OfType<JudgedExample>());

    /// <summary>Each query's fold (<see cref="CrossValidationFolds.Assign"/>): by set, a fold's requests are measured, and its priors counted, only from other judges' work.</summary>
    public static int[] FoldsOf(IReadOnlyList<TrainingQuery> dataset, FoldGrouping grouping) =>
        CrossValidationFolds.Assign(dataset.Select(q => q.Set).ToList(), grouping, Folds);

    /// <summary>
    /// The training queries (those not <paramref name="isMeasured"/>), each with priors counted from training queries
    /// of other <paramref name="priorFolds"/>, so no query's features hold its own grades nor the measured fold's.
    /// </summary>
    private static List<TrainingQuery> OutOfFoldPriors(IReadOnlyList<TrainingQuery> dataset, IReadOnlyList<int> priorFolds, Func<int, bool> isMeasured)
    {
        var result = new List<TrainingQuery>(dataset.Count);
        for (var fold = 0; fold < Folds; fold++)
        {
            var own = fold;
            var members = dataset.Where((_, i) => !isMeasured(i) && priorFolds[i] == own).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var priors = PriorsOf(dataset.Where((_, i) => !isMeasured(i) && priorFolds[i] != own));
            result.AddRange(WithPriors(members, priors));
        }

        return result;
    }

    /// <summary>Mean nDCG@5 of a model over a dataset, ranking each query's candidates by score.</summary>
    public static double MeanNdcg(IReadOnlyList<TrainingQuery> dataset, RankerModel model) => dataset.Average(q => Ndcg(q, model, null));

    public static string ToJson(TrainingMetrics metrics) => JsonSerializer.Serialize(metrics, JsonOptions);

    public static TrainingMetrics? ReadMetrics(string json) => JsonSerializer.Deserialize<TrainingMetrics>(json, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static double Ndcg(TrainingQuery query, RankerModel model, IReadOnlySet<FeatureFamily>? removed) =>
        NdcgOf(query, Order(query, model, removed).Select(p => query.Ids[p.Index]));

    /// <summary>nDCG@5 of a list of ids (best first) against the request's grades: its first five over the best five the judges graded.</summary>
    public static double NdcgOf(TrainingQuery query, IEnumerable<string> ranking)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ideal = Dcg(query.Grades.ById.Values.OrderByDescending(g => g));
        return ideal > 0 ? Dcg(ranking.Take(Cutoff).Select(query.Grades.Of)) / ideal : 0;
    }

    private static List<(int Index, double Score)> Order(TrainingQuery query, RankerModel model, IReadOnlySet<FeatureFamily>? removed) =>
        Enumerable.Range(0, query.Ids.Count)
            .Select(i => (Index: i, Score: model.Score(Masked(query.Features[i], removed))))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => query.Ids[p.Index], StringComparer.Ordinal)
            .ToList();

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
                CustomGains = [.. settings.Gains],
                FeatureFraction = settings.FeatureFraction,
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
                CustomGains = [.. settings.Gains],
                Booster = new GradientBooster.Options { FeatureFraction = settings.FeatureFraction },
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
