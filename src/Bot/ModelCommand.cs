using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bot.Application;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;
using Bot.Recommendation.Conversation;
using Bot.Recommendation;

namespace Bot.Host;

/// <summary><c>model train</c>: rebuilds data/models/ranker.zip from the repository's judgments and prints cross-validated nDCG@5.</summary>
internal static class ModelCommand
{
    public const string ModelFile = "ranker.zip";
    public const string MetricsFile = "ranker.metrics.json";
    public const string TopicModelFile = "topic.zip";

    public static Command Create(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var root = new Option<string?>("--repository") { Description = "The repository's root (holds data/ and tests/); default: found above the working directory." };
        var ablation = new Option<bool>("--ablation") { Description = "Also cross-validate with each feature family removed in turn (slow)." };
        var topicThresholds = new Option<bool>("--topic-thresholds") { Description = "Also cross-validate the ranker with the topic model off and at several thresholds (slow): what the inferred topic is worth." };
        var treeSettings = new Option<bool>("--tree-settings") { Description = "Also cross-validate the LightGBM ranker with other tree shapes (slow)." };
        var cvOnly = new Option<bool>("--cv-only") { Description = "Only cross-validate the topic model and the ranker and print the figures: write no model file and skip the intent model (to compare with and without --with-feedback)." };
        var misses = new Option<bool>("--misses") { Description = "Also report where the cross-validated LightGBM ranker loses nDCG@5 on the training judgments: candidate recall, loss by kind of request, and the worst requests with their top five against the ideal ids." };
        var without = new Option<FeatureFamily[]>("--without") { Description = "Also cross-validate the LightGBM ranker with these feature families zeroed, per fold beside all features (before/after of a feature family in one run).", AllowMultipleArgumentsPerToken = true };
        var compareFolds = new Option<bool>("--compare-folds") { Description = "Also cross-validate the LightGBM ranker with each judged set whole in one fold (measured on other judges' requests only, as a new reader's request is), its training priors split request by request and set by set, side by side." };
        var compareUnderstanding = new Option<bool>("--compare-understanding") { Description = "Also cross-validate the LightGBM ranker measured on requests read by topic and level models trained without their fold (as a new reader's request is read), trained on requests read by the shipped models and on requests read out of fold, side by side." };
        var compareTopicMeaning = new Option<bool>("--compare-topic-meaning") { Description = "Also cross-validate the topic model with each request's meaning (the shipped word vectors) beside its words, and print that threshold table under the shipped one (words alone)." };
        var pageShaping = new Option<bool>("--page-shaping") { Description = "Also report nDCG@5 of the pages a reader is shown under cross-validation (the fold models' order shaped for diversity and level), with the shipped page options and with each changed in turn." };
        var rankerOnly = new Option<bool>("--ranker-only") { Description = "Train only the ranker (data/models/ranker.zip, judged-priors.tsv and ranker.metrics.json), reading the requests with the shipped level and topic models: minutes rather than a quarter of an hour. With --cv-only it writes nothing." };
        var feedback = new FeedbackOptions();
        var train = new Command("train", "Train the models from the repository's judgments (never Holdout2 or Holdout3): the level model (data/models/level.zip), the topic model (data/models/topic.zip), the ranker (cross-validated nDCG@5 per fold; data/models/ranker.zip) and then the free-text intent model (held-out figures; data/models/intent.zip). With --with-feedback the ranker also learns from readers' feedback votes in servers that allow it.") { root, ablation, cvOnly, rankerOnly, topicThresholds, treeSettings, misses, pageShaping, compareTopicMeaning, without, compareFolds, compareUnderstanding };
        feedback.AddTo(train);
        train.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = feedback.Read(parseResult);
            if (settings.Problems.Count > 0)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, settings.Problems)).ConfigureAwait(false);
                return 2;
            }

            var rankerOnlyRun = parseResult.GetValue(rankerOnly);
            var status = await TrainAsync(parseResult.GetValue(root), parseResult.GetValue(ablation), parseResult.GetValue(cvOnly), rankerOnlyRun, parseResult.GetValue(topicThresholds), parseResult.GetValue(treeSettings), parseResult.GetValue(misses), parseResult.GetValue(pageShaping), parseResult.GetValue(compareTopicMeaning), parseResult.GetValue(compareFolds), parseResult.GetValue(compareUnderstanding), parseResult.GetValue(without) ?? [], settings, cancellationToken).ConfigureAwait(false);
            if (status != 0 || parseResult.GetValue(cvOnly) || rankerOnlyRun)
            {
                return status;
            }

            Console.WriteLine();
            return await IntentModelCommand.TrainAsync(withCatalog, output: null, judgments: null, quick: false).ConfigureAwait(false);
        });
        var model = new Command("model", "Train the bot's models.");
        model.Subcommands.Add(train);
        model.Subcommands.Add(IntentModelCommand.Create(withCatalog));
        model.Subcommands.Add(IntentModelCommand.CreateSpeed(withCatalog));
        foreach (var levelCommand in LevelModelCommand.Create(withCatalog))
        {
            model.Subcommands.Add(levelCommand);
        }
        return model;
    }

    private static async Task<int> TrainAsync(string? repository, bool ablation, bool cvOnly, bool rankerOnly, bool topicThresholds, bool treeSettings, bool misses, bool pageShaping, bool compareTopicMeaning, bool compareFolds, bool compareUnderstanding, IReadOnlyList<FeatureFamily> withoutFamilies, FeedbackSettings feedback, CancellationToken cancellationToken)
    {
        var root = repository ?? FindRepository();
        if (root is null)
        {
            Console.Error.WriteLine($"No repository found above {Environment.CurrentDirectory}: run from the repository or pass --repository.");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var dataDirectory = Path.Combine(root, "data");
        var catalog = CatalogLoader.LoadOrThrow(dataDirectory);
        var judgments = JudgmentLoader.TrainingFolders
            .SelectMany(folder => JudgmentLoader.LoadRecommend(Path.Combine(root, JudgmentLoader.RepositoryPath, folder)))
            .ToList();
        // The level model first: the ranker learns from the free-text requests as the bot reads them, levels included.
        var levelModel = rankerOnly ? LevelModel.LoadEmbedded() : LevelModelCommand.Train(Path.Combine(root, JudgmentLoader.RepositoryPath), Path.Combine(dataDirectory, "models", LevelModelCommand.ModelFile), Console.Out, write: !cvOnly);
        var topicModel = rankerOnly ? TopicModel.LoadEmbedded() : TrainTopicModel(catalog, judgments, dataDirectory, write: !cvOnly, compareTopicMeaning);
        stopwatch.Restart();
        var fromFiles = judgments.Count;
        var feedbackMerged = 0;
        if (feedback.Enabled)
        {
            var merged = await FeedbackOptions.LoadAndMergeAsync(feedback, catalog, judgments, cancellationToken).ConfigureAwait(false);
            if (merged is null)
            {
                return 1;
            }

            judgments = merged.Judgments.ToList();
            feedbackMerged = merged.FeedbackRequestsMerged;
        }

        var dataset = RankerTrainer.BuildDataset(catalog, judgments, topicModel: topicModel, levelModel: levelModel);
        if (topicThresholds)
        {
            CompareTopicThresholds(catalog, judgments, topicModel, levelModel);
        }

        if (treeSettings)
        {
            Console.WriteLine($"Ranker CV nDCG@5 ({RankerAlgorithm.LightGbmLambdaRank}) by tree shape:");
            foreach (var shape in TreeSettings.Candidates)
            {
                var result = RankerTrainer.CrossValidate(dataset, RankerAlgorithm.LightGbmLambdaRank, settings: shape);
                Console.WriteLine($"  {shape}{(shape == TreeSettings.Shipped ? " (shipped)" : "")}: {RankerTrainer.Format(result.Mean)} ({string.Join(" ", result.FoldNdcg.Select(RankerTrainer.Format))})");
            }
        }

        if (compareFolds)
        {
            Console.WriteLine($"Ranker CV nDCG@5 ({RankerAlgorithm.LightGbmLambdaRank}) by fold grouping:");
            foreach (var folding in new Folding[] { Folding.Shipped, new(FoldGrouping.BySet, FoldGrouping.Interleaved), new(FoldGrouping.BySet, FoldGrouping.BySet) })
            {
                var result = RankerTrainer.CrossValidate(dataset, RankerAlgorithm.LightGbmLambdaRank, folding: folding);
                Console.WriteLine($"  {folding}: {RankerTrainer.Format(result.Mean)} ({string.Join(" ", result.FoldNdcg.Select(RankerTrainer.Format))}; {result.Elapsed.TotalSeconds:F0} s)");
            }
        }

        if (compareUnderstanding)
        {
            CompareUnderstanding(catalog, judgments, dataset, Path.Combine(root, JudgmentLoader.RepositoryPath), withoutFamilies);
        }

        Console.WriteLine($"{dataset.Count} judged requests ({judgments.Count} read: {fromFiles} from files{(feedback.Enabled ? $", of which {feedbackMerged} with grades from feedback, and {judgments.Count - fromFiles} from feedback alone" : "")}), {dataset.Sum(q => q.Ids.Count)} candidate rows, {RankingFeatures.Count} features; built in {stopwatch.Elapsed.TotalSeconds:F1} s.");

        var results = Enum.GetValues<RankerAlgorithm>().Select(algorithm => RankerTrainer.CrossValidate(dataset, algorithm)).ToList();
        foreach (var result in results)
        {
            Console.WriteLine($"{result.Algorithm}: nDCG@5 per fold {string.Join(" ", result.FoldNdcg.Select(RankerTrainer.Format))}, mean {RankerTrainer.Format(result.Mean)} ({result.Elapsed.TotalSeconds:F1} s for {RankerTrainer.Folds} folds)");
        }

        var best = results.OrderByDescending(r => r.Mean).ThenBy(r => r.Algorithm).First();
        if (cvOnly)
        {
            Console.WriteLine($"Best: {best.Algorithm} (mean nDCG@5 {RankerTrainer.Format(best.Mean)}); --cv-only, so no model was written. Total {stopwatch.Elapsed.TotalSeconds:F1} s.");
        }
        else
        {
            var fit = Stopwatch.StartNew();
            var trained = RankerTrainer.TrainFinal(dataset, best.Algorithm);
            var trainingSeconds = fit.Elapsed.TotalSeconds;
            var models = Path.Combine(dataDirectory, "models");
            Directory.CreateDirectory(models);
            File.WriteAllBytes(Path.Combine(models, ModelFile), trained.Model);
            File.WriteAllText(Path.Combine(models, JudgedPriors.FileName), trained.Priors.ToText());
            var metrics = new TrainingMetrics
            {
                Algorithm = best.Algorithm.ToString(),
                Queries = dataset.Count,
                Rows = dataset.Sum(q => q.Ids.Count),
                Features = RankingFeatures.Count,
                FoldNdcg = results.ToDictionary(r => r.Algorithm.ToString(), r => (IReadOnlyList<double>)r.FoldNdcg.Select(v => Math.Round(v, 6)).ToList()),
                MeanNdcg = results.ToDictionary(r => r.Algorithm.ToString(), r => Math.Round(r.Mean, 6)),
                TrainingSeconds = Math.Round(trainingSeconds, 1),
                FeedbackRequests = feedback.Enabled ? judgments.Count - fromFiles + feedbackMerged : null,
            };
            File.WriteAllText(Path.Combine(models, MetricsFile), RankerTrainer.ToJson(metrics) + Environment.NewLine);
            Console.WriteLine($"Kept {best.Algorithm} (mean nDCG@5 {RankerTrainer.Format(best.Mean)}); final fit {trainingSeconds:F1} s; wrote {Path.Combine(models, ModelFile)}, {JudgedPriors.FileName} and {MetricsFile}. Total {stopwatch.Elapsed.TotalSeconds:F1} s.");
        }

        if (withoutFamilies.Count > 0)
        {
            var all = results.Single(r => r.Algorithm == RankerAlgorithm.LightGbmLambdaRank);
            var reduced = RankerTrainer.CrossValidate(dataset, RankerAlgorithm.LightGbmLambdaRank, withoutFamilies.ToHashSet());
            Console.WriteLine();
            Console.WriteLine($"| fold | without {string.Join(", ", withoutFamilies)} | all features | change |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var fold = 0; fold < RankerTrainer.Folds; fold++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {fold + 1} | {RankerTrainer.Format(reduced.FoldNdcg[fold])} | {RankerTrainer.Format(all.FoldNdcg[fold])} | {all.FoldNdcg[fold] - reduced.FoldNdcg[fold]:+0.0000;-0.0000} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| mean | {RankerTrainer.Format(reduced.Mean)} | {RankerTrainer.Format(all.Mean)} | {all.Mean - reduced.Mean:+0.0000;-0.0000} |"));
        }

        if (misses || pageShaping)
        {
            var outcomes = RankerTrainer.CrossValidateQueries(dataset, RankerAlgorithm.LightGbmLambdaRank);
            if (misses)
            {
                RankerMissesReport.Print(outcomes, judgments, dropped: judgments.Count - dataset.Count);
            }

            if (pageShaping)
            {
                PageShapingReport.Print(outcomes);
            }
        }

        if (ablation)
        {
            Console.WriteLine();
            Console.WriteLine($"| removed family | CV nDCG@5 ({best.Algorithm}) | change |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| none | {RankerTrainer.Format(best.Mean)} | |");
            foreach (var family in Enum.GetValues<FeatureFamily>())
            {
                var without = RankerTrainer.CrossValidate(dataset, best.Algorithm, new HashSet<FeatureFamily> { family });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {family} | {RankerTrainer.Format(without.Mean)} | {without.Mean - best.Mean:+0.0000;-0.0000} |"));
            }
        }

        return 0;
    }

    /// <summary>
    /// The ranker's cross-validated nDCG@5 measured on the requests read by topic and level models that never saw them
    /// (<see cref="OutOfFoldUnderstanding"/>), trained on either reading, side by side; with <paramref name="withoutFamilies"/> zeroed as well.
    /// </summary>
    private static void CompareUnderstanding(ReadingCatalog catalog, IReadOnlyList<RecommendJudgment> judgments, IReadOnlyList<TrainingQuery> dataset, string judgmentsDirectory, IReadOnlyList<FeatureFamily> withoutFamilies)
    {
        var started = Stopwatch.StartNew();
        var levelRequests = LevelModelTrainer.LoadRequests(judgmentsDirectory).Select(r => r.Request).ToList();
        var outOfFold = OutOfFoldUnderstanding.BuildDataset(catalog, judgments, levelRequests);
        var shipped = dataset.GroupBy(q => (q.Set, q.Input)).ToDictionary(g => g.Key, g => g.First().Query);
        var topicsDiffer = outOfFold.Count(q => shipped.GetValueOrDefault((q.Set, q.Input)) is { } other && !other.TopicIds.SequenceEqual(q.Query!.TopicIds));
        var levelsDiffer = outOfFold.Count(q => shipped.GetValueOrDefault((q.Set, q.Input)) is { } other && other.Level != q.Query!.Level);
        Console.WriteLine($"Ranker CV nDCG@5 ({RankerAlgorithm.LightGbmLambdaRank}) by how the requests are read: {outOfFold.Count} requests read out of fold ({topicsDiffer} with other topics, {levelsDiffer} with another level than the shipped models read; built in {started.Elapsed.TotalSeconds:F0} s)");
        Report("read by the shipped models, trained and measured", dataset, null);
        Report("measured read out of fold, trained read by the shipped models", outOfFold, dataset);
        Report("measured and trained read out of fold", outOfFold, null);
        if (withoutFamilies.Count > 0)
        {
            var removed = withoutFamilies.ToHashSet();
            var without = $", without {string.Join(", ", withoutFamilies)}";
            Report("measured read out of fold, trained read by the shipped models" + without, outOfFold, dataset, removed);
            Report("measured and trained read out of fold" + without, outOfFold, null, removed);
        }

        static void Report(string name, IReadOnlyList<TrainingQuery> measured, IReadOnlyList<TrainingQuery>? trainedOn, IReadOnlySet<FeatureFamily>? removed = null)
        {
            var result = RankerTrainer.CrossValidate(measured, RankerAlgorithm.LightGbmLambdaRank, removed, trainedOn: trainedOn);
            Console.WriteLine($"  {name}: {RankerTrainer.Format(result.Mean)} ({string.Join(" ", result.FoldNdcg.Select(RankerTrainer.Format))}; {result.Elapsed.TotalSeconds:F0} s)");
        }
    }

    /// <summary>The ranker's cross-validated nDCG@5 with the topic model off and at several thresholds, in one run.</summary>
    private static void CompareTopicThresholds(ReadingCatalog catalog, IReadOnlyList<RecommendJudgment> judgments, TopicModel topicModel, LevelModel levelModel)
    {
        Console.WriteLine($"Ranker CV nDCG@5 ({RankerAlgorithm.LightGbmLambdaRank}) by topic inference for requests naming no topic:");
        foreach (var (name, model, threshold) in new (string, TopicModel, float)[] { ("off", TopicModel.None, 1f), ("0.2", topicModel, 0.2f), ("0.35", topicModel, 0.35f), ("0.5", topicModel, 0.5f) })
        {
            var dataset = RankerTrainer.BuildDataset(catalog, judgments, topicModel: model, understanding: new MessageClassifierOptions { TopicThreshold = threshold }, levelModel: levelModel);
            var result = RankerTrainer.CrossValidate(dataset, RankerAlgorithm.LightGbmLambdaRank);
            Console.WriteLine($"  {name,-5} {RankerTrainer.Format(result.Mean)} ({string.Join(" ", result.FoldNdcg.Select(RankerTrainer.Format))})");
        }
    }

    /// <summary>Cross-validates the topic model on the judged requests, prints its threshold table, and writes data/models/topic.zip.</summary>
    private static TopicModel TrainTopicModel(ReadingCatalog catalog, IReadOnlyList<RecommendJudgment> judgments, string dataDirectory, bool write, bool compareMeaning)
    {
        var stopwatch = Stopwatch.StartNew();
        var engine = TopicModelTrainer.WordsOnlyEngine(catalog);
        var examples = TopicModelTrainer.Examples(engine, judgments);
        var outcomes = TopicModelTrainer.CrossValidate(examples, engine);
        Console.WriteLine($"Topic model: {examples.Count} examples ({examples.Count(e => e.Source == TopicExampleSource.Request)} from judged requests, the rest the catalog's items and topics); {TopicModelTrainer.Folds}-fold cross-validation over the requests:");
        Console.Write(TopicModelTrainer.FormatThresholds(outcomes));
        if (compareMeaning)
        {
            Console.WriteLine("The same with each subject's meaning beside its words (the shipped word vectors; not shipped: the ranker's cross-validation fell, see the README):");
            Console.Write(TopicModelTrainer.FormatThresholds(TopicModelTrainer.CrossValidate(examples, engine, MeaningIndex.Shipped)));
        }

        var model = TopicModelTrainer.Train(examples);
        var path = Path.Combine(dataDirectory, "models", TopicModelFile);
        if (write)
        {
            IntentModelTrainer.Save(model.Classifier!, path);
        }

        Console.WriteLine($"{(write ? "Wrote " + path : "Trained (not written)")} ({stopwatch.Elapsed.TotalSeconds:F1} s); the bot infers a topic at probability {MessageClassifierOptions.DefaultTopicThreshold:F1} or more.");
        Console.WriteLine();
        return model;
    }

    /// <summary>The repository above the working directory: the data/ copied next to the binaries has no judgments.</summary>
    /// <summary>The repository's root, or an error saying where to run the command from.</summary>
    internal static string RequireRepository() => FindRepository()
        ?? throw new DirectoryNotFoundException("Run this from inside the repository: tests/Bot.Quality.Tests/Judgments and data/ were not found above the working directory.");

    internal static string? FindRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, JudgmentLoader.RepositoryPath)) && Directory.Exists(Path.Combine(directory.FullName, "data")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
