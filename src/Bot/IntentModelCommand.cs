using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Understanding;

namespace Bot.Host;

/// <summary>
/// <c>Bot model train-intent</c>: compares the trainers on cross-validation of the training messages, prints the
/// precision–recall curve the silence threshold is read from, writes data/models/intent.zip and reports the
/// held-out figures (intent, implied level, latency and allocation).
/// </summary>
internal static class IntentModelCommand
{
    private const int TimedMessages = 100_000;

    /// <summary><c>model train-intent</c>: the intent model alone (<c>model train</c> runs it after the ranker).</summary>
    public static Command Create(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var output = new Option<string?>("--output") { Description = "Where to write the model; default data/models/intent.zip next to the catalog." };
        var judgments = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var quick = new Option<bool>("--quick") { Description = "Skip the other trainer's comparison and the speed measurement." };
        var compareMeaning = new Option<bool>("--compare-meaning") { Description = "Also cross-validate the shipped trainer with and without the messages' meaning vectors, on interleaved folds and by set, and print both side by side with each set's accuracy. Changes nothing that is written." };
        var compareFolds = new Option<bool>("--compare-folds") { Description = "Also cross-validate the shipped trainer with each judged set (one judge's file) whole in one fold, and print beside the shipped interleaved folds: accuracy, chatter answered, requests missed, the silence threshold curve and where precision²×recall peaks, and each set's figures. Changes nothing that is written." };
        var train = new Command("train-intent", "Retrain the free-text intent model on the training messages and print its held-out figures.") { output, judgments, quick, compareFolds, compareMeaning };
        train.SetAction((parseResult, cancellationToken) =>
            TrainAsync(withCatalog, parseResult.GetValue(output), parseResult.GetValue(judgments), parseResult.GetValue(quick), parseResult.GetValue(compareFolds), parseResult.GetValue(compareMeaning)));
        return train;
    }

    /// <summary><c>Bot model speed-intent</c>: the shipped classifier's speed and allocation, without training anything.</summary>
    public static Command CreateSpeed(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var judgments = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var speed = new Command("speed-intent", "Measure the shipped free-text classifier over 100,000 held-out messages on one thread (p50, p99, allocation, heap); trains nothing.") { judgments };
        speed.SetAction((parseResult, cancellationToken) => withCatalog(catalog =>
        {
            var root = ModelCommand.RequireRepository();
            var heldOut = IntentModelTrainer.LoadHeldOut(parseResult.GetValue(judgments) ?? Path.Combine(root, JudgmentLoader.RepositoryPath));
            var classifier = new RecommendationEngine(catalog, RankerModel.Untrained).Classifier;
            MeasureSpeed("the whole classifier (exact facts, model, rules)", m => classifier.Classify(m.Text, m.Addressed), heldOut, Console.Out);
            MeasureSpeed("the exact facts alone (parser and paper names)", m => classifier.FactsOf(m.Text, m.Addressed), heldOut, Console.Out);
            return Task.FromResult(0);
        }));
        return speed;
    }

    public static Task<int> TrainAsync(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog, string? output, string? judgments, bool quick, bool compareFolds = false, bool compareMeaning = false) =>
        withCatalog(catalog =>
        {
            var root = ModelCommand.RequireRepository();
            var judgmentsDirectory = judgments ?? Path.Combine(root, JudgmentLoader.RepositoryPath);
            var modelPath = output ?? Path.Combine(root, "data", "models", "intent.zip");
            Run(catalog, judgmentsDirectory, modelPath, quick, compareFolds, compareMeaning, Console.Out);
            return Task.FromResult(0);
        });

    private static void Run(ReadingCatalog catalog, string judgmentsDirectory, string modelPath, bool quick, bool compareFolds, bool compareMeaning, TextWriter output)
    {
        var (labelledMessages, judgedRequests) = IntentModelTrainer.LoadTrainingParts(judgmentsDirectory, JudgmentLoader.LoadRequestMessages(judgmentsDirectory));
        IReadOnlyList<LabelledMessage> training = [.. labelledMessages, .. judgedRequests];
        var facts = IntentModelTrainer.FactsFor(catalog);
        // The shipped model reads each message's meaning beside its text and facts (`--compare-meaning`).
        var meaning = IntentModelTrainer.MeaningFor(MeaningIndex.Shipped);
        var heldOut = IntentModelTrainer.LoadHeldOut(judgmentsDirectory);
        output.WriteLine($"Training messages: {training.Count}; held-out (Holdout2, never trained or tuned on): {heldOut.Count}");

        output.WriteLine("\n5-fold cross-validation on the training messages (the model alone, other languages counted as none):");
        var crossValidated = new Dictionary<IntentTrainerKind, IReadOnlyList<IntentPrediction>>();
        foreach (var kind in Enum.GetValues<IntentTrainerKind>().Where(k => !quick || k == IntentModelTrainer.ShippedTrainer))
        {
            var started = Stopwatch.GetTimestamp();
            crossValidated[kind] = IntentModelTrainer.CrossValidate(training, kind, facts, meaning: meaning);
            var metrics = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, crossValidated[kind][i].Intent)));
            output.WriteLine($"{kind} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s):");
            output.Write(metrics.Format());
        }

        if (!quick)
        {
            output.WriteLine($"\nFeature variants, {IntentModelTrainer.ShippedTrainer} on 5-fold cross-validation (the shipped model reads all the facts):");
            foreach (var (name, variant, variantMeaning) in FeatureVariants(facts, meaning))
            {
                var predictions = IntentModelTrainer.CrossValidate(training, IntentModelTrainer.ShippedTrainer, variant, meaning: variantMeaning);
                var metrics = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, predictions[i].Intent)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} accuracy {metrics.Accuracy:F3}, chatter answered {metrics.ChatterAnswered,6:P1}, requests missed {metrics.RequestsMissed,6:P1}"));
            }

            output.WriteLine($"LightGBM settings with all the facts, 5-fold cross-validation (iterations, leaves, minimum examples per leaf, learning rate):");
            foreach (var settings in LightGbmSettings.Candidates)
            {
                var predictions = IntentModelTrainer.CrossValidate(training, IntentTrainerKind.LightGbm, facts, settings, meaning: meaning);
                var metrics = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, predictions[i].Intent)));
                var name = FormattableString.Invariant($"{settings.Iterations}, {settings.Leaves}, {settings.MinimumExamplesPerLeaf}, {settings.LearningRate}") + (settings == LightGbmSettings.Shipped ? " (shipped)" : string.Empty);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} accuracy {metrics.Accuracy:F3}, chatter answered {metrics.ChatterAnswered,6:P1}, requests missed {metrics.RequestsMissed,6:P1}"));
            }
        }

        if (!quick)
        {
            CompareRequestTraining(labelledMessages, judgedRequests, facts, meaning, crossValidated[IntentModelTrainer.ShippedTrainer], output);
        }

        output.WriteLine($"\nShipped trainer: {IntentModelTrainer.ShippedTrainer}. Silence threshold curve on its cross-validated predictions (channel messages not addressed to the bot):");
        PrintThresholdCurve(training, crossValidated[IntentModelTrainer.ShippedTrainer], output);

        if (compareFolds)
        {
            CompareFolds(training, facts, meaning, crossValidated[IntentModelTrainer.ShippedTrainer], output);
        }

        if (compareMeaning)
        {
            CompareMeaning(training, facts, meaning, output);
        }

        var model = IntentModelTrainer.Train(training, IntentModelTrainer.ShippedTrainer, facts, meaning: meaning);
        IntentModelTrainer.Save(model, modelPath);
        output.WriteLine($"\nWrote {modelPath}");

        output.WriteLine("\nHeld-out (Holdout2), the model alone:");
        output.Write(IntentMetrics.Compute(heldOut.Select(m => (m.Intent, model.Predict(m.Text, facts(m), meaning(m)).Intent))).Format());
        foreach (var kind in Enum.GetValues<IntentTrainerKind>().Where(k => !quick && k != IntentModelTrainer.ShippedTrainer))
        {
            var other = IntentModelTrainer.Train(training, kind, facts, meaning: meaning);
            output.WriteLine($"Held-out, {kind} alone (for comparison only):");
            output.Write(IntentMetrics.Compute(heldOut.Select(m => (m.Intent, other.Predict(m.Text, facts(m), meaning(m)).Intent))).Format());
        }

        // The classifier never ranks; the untrained ranker keeps this step independent of the embedded ranker, which is
        // stale right after `model train` changed the ranker's features (until the next build embeds the new file).
        // The level model as written beside this one (`model train` trains it first), else the one built in.
        var levelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, LevelModelCommand.ModelFile);
        var engine = new RecommendationEngine(
            catalog, RankerModel.Untrained, intentModel: model, levelModel: File.Exists(levelPath) ? LevelModel.Load(levelPath) : null);
        var classifier = engine.Classifier;
        output.WriteLine($"\nHeld-out (Holdout2), the classifier as the bot runs it (model, threshold {MessageClassifierOptions.DefaultSilenceThreshold}, exact rules):");
        var decisions = heldOut.Select(m => (Message: m, Result: classifier.Classify(m.Text, m.Addressed))).ToList();
        output.Write(IntentMetrics.Compute(decisions.Select(d => (d.Message.Intent, d.Result.Intent))).Format());
        var foreignAddressed = decisions.Where(d => d.Message.OtherLanguage && d.Message.Addressed).ToList();
        output.WriteLine($"  other-language messages addressed to the bot given the English note: {foreignAddressed.Count(d => d.Result.OtherLanguage)}/{foreignAddressed.Count}");
        // The held-out messages that went wrong are deliberately not listed: reading them would be tuning on them.
        CompareLevels(engine, heldOut, output);
        if (!quick)
        {
            MeasureSpeed("the whole classifier (exact facts, model, rules)", m => classifier.Classify(m.Text, m.Addressed), heldOut, output);
            var precomputed = heldOut.ToDictionary(m => m, facts);
            MeasureSpeed("the model alone (facts computed beforehand)", m => model.Predict(m.Text, precomputed[m], meaning(m)), heldOut, output);
            MeasureSpeed("the exact facts alone (parser and paper names)", m => classifier.FactsOf(m.Text, m.Addressed), heldOut, output);
        }
    }

    /// <summary>
    /// Side by side: the model trained on the labelled messages alone against the model that also learns from the
    /// judged requests' free text, each measured on both kinds of text with the silence threshold applied.
    /// </summary>
    private static void CompareRequestTraining(IReadOnlyList<LabelledMessage> messages, IReadOnlyList<LabelledMessage> requests, Func<LabelledMessage, float[]> facts, Func<LabelledMessage, float[]> meaning, IReadOnlyList<IntentPrediction> withRequests, TextWriter output)
    {
        var messageCount = messages.Count;
        if (requests.Count == 0)
        {
            return;
        }

        var messagesOnly = IntentModelTrainer.CrossValidate(messages, IntentModelTrainer.ShippedTrainer, facts, meaning: meaning);
        var messagesModel = IntentModelTrainer.Train(messages, IntentModelTrainer.ShippedTrainer, facts, meaning: meaning);
        var requestsByMessagesModel = requests.Select(m => messagesModel.Predict(m.Text, facts(m), meaning(m))).ToList();
        output.WriteLine($"\nLearning from the judged requests' free text ({requests.Count} inputs of the /recommend judgments), 5-fold cross-validation, silence threshold applied:");
        Print("messages alone", messages, messagesOnly, requests, requestsByMessagesModel);
        Print("messages + requests", messages, withRequests.Take(messageCount).ToList(), requests, withRequests.Skip(messageCount).ToList());

        void Print(string name, IReadOnlyList<LabelledMessage> m, IReadOnlyList<IntentPrediction> mp, IReadOnlyList<LabelledMessage> r, IReadOnlyList<IntentPrediction> rp)
        {
            var onMessages = IntentMetrics.Compute(m.Select((x, i) => (x.Intent, Decide(x, mp[i], MessageClassifierOptions.DefaultSilenceThreshold))));
            var answered = r.Where((x, i) => Decide(x, rp[i], MessageClassifierOptions.DefaultSilenceThreshold) != MessageIntent.None).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} messages: accuracy {onMessages.Accuracy:F3}, chatter answered {onMessages.ChatterAnswered,6:P1}, requests missed {onMessages.RequestsMissed,6:P1}; judged requests answered {(double)answered / r.Count,6:P1}"));
        }
    }

    /// <summary>The same messages with fewer facts (the text alone, the text with the first model's eleven facts), and with the meaning vectors.</summary>
    private static IEnumerable<(string Name, Func<LabelledMessage, float[]> Facts, Func<LabelledMessage, float[]>? Meaning)> FeatureVariants(Func<LabelledMessage, float[]> facts, Func<LabelledMessage, float[]> meaning)
    {
        yield return ("text alone", _ => new float[MessageFacts.FeatureCount], null);
        yield return ("text + the first model's 11 facts", m =>
        {
            var first = new float[MessageFacts.FeatureCount];
            facts(m).AsSpan(0, MessageFacts.FirstModelFeatureCount).CopyTo(first);
            return first;
        }, null);
        yield return ($"text + all {MessageFacts.FeatureCount} facts", facts, null);
        yield return ($"text + all {MessageFacts.FeatureCount} facts + meaning", facts, meaning);
    }

    /// <summary>
    /// The shipped trainer with and without the meaning vectors, side by side on the interleaved folds and by set
    /// (each judge's file predicted by a model that never saw it), the model alone and with the silence threshold.
    /// </summary>
    private static void CompareMeaning(IReadOnlyList<LabelledMessage> training, Func<LabelledMessage, float[]> facts, Func<LabelledMessage, float[]> meaning, TextWriter output)
    {
        output.WriteLine($"\nMeaning vectors, {IntentModelTrainer.ShippedTrainer} on 5-fold cross-validation (model alone | threshold {MessageClassifierOptions.DefaultSilenceThreshold.ToString("F2", CultureInfo.InvariantCulture)} applied):");
        output.WriteLine("  folds        meaning  accuracy  chatter ans.  missed | accuracy  chatter ans.  missed");
        var bySet = new Dictionary<bool, IReadOnlyList<IntentPrediction>>();
        foreach (var grouping in new[] { FoldGrouping.Interleaved, FoldGrouping.BySet })
        {
            foreach (var withMeaning in new[] { false, true })
            {
                var predictions = IntentModelTrainer.CrossValidate(training, IntentModelTrainer.ShippedTrainer, facts, grouping: grouping, meaning: withMeaning ? meaning : null);
                if (grouping == FoldGrouping.BySet)
                {
                    bySet[withMeaning] = predictions;
                }

                var alone = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, predictions[i].Intent)));
                var decided = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, Decide(m, predictions[i], MessageClassifierOptions.DefaultSilenceThreshold))));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {grouping,-12} {(withMeaning ? "with" : "without"),-7}  {alone.Accuracy,8:F3}  {alone.ChatterAnswered,12:P1}  {alone.RequestsMissed,6:P1} | {decided.Accuracy,8:F3}  {decided.ChatterAnswered,12:P1}  {decided.RequestsMissed,6:P1}"));
            }
        }

        output.WriteLine("\nSilence threshold curve by set (channel messages not addressed to the bot), without | with meaning:");
        output.WriteLine("  threshold | chatter ans.  missed  precision  p²×recall | chatter ans.  missed  precision  p²×recall");
        var curves = new[] { false, true }.Select(w => ThresholdCurve(training, bySet[w])).ToList();
        for (var row = 0; row < curves[0].Count; row++)
        {
            var cells = curves.Select(c => c[row]).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.ChatterAnswered,12:P1}  {p.RequestsMissed,6:P1}  {p.Precision,9:F3}  {p.Score,9:F3}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {curves[0][row].Threshold,9:F2} | {string.Join(" | ", cells)}"));
        }

        output.WriteLine("\nEach set by set, threshold applied (without | with meaning): accuracy, chatter answered, requests missed");
        foreach (var set in training.Select((m, i) => (Message: m, Index: i)).GroupBy(p => p.Message.Set))
        {
            var cells = new[] { false, true }.Select(w => IntentMetrics.Compute(set.Select(p => (p.Message.Intent, Decide(p.Message, bySet[w][p.Index], MessageClassifierOptions.DefaultSilenceThreshold)))))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Accuracy,6:F3} {m.ChatterAnswered,7:P1} {m.RequestsMissed,7:P1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {set.Key,-27} {set.Count(),6}  {string.Join(" | ", cells)}"));
        }
    }

    private static void PrintThresholdCurve(IReadOnlyList<LabelledMessage> training, IReadOnlyList<IntentPrediction> predictions, TextWriter output)
    {
        var curve = ThresholdCurve(training, predictions);
        output.WriteLine("  threshold  chatter answered  requests missed  answered precision  precision²×recall");
        foreach (var row in curve)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Threshold,9:F2}  {row.ChatterAnswered,16:P1}  {row.RequestsMissed,15:P1}  {row.Precision,18:F3}  {row.Score,17:F3}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  best precision²×recall at {Best(curve).Threshold:F2}; MessageClassifierOptions.DefaultSilenceThreshold is {MessageClassifierOptions.DefaultSilenceThreshold:F2}"));
    }

    /// <summary>One silence threshold on the channel messages not addressed to the bot: what it answers and its product rule score.</summary>
    private sealed record ThresholdPoint(float Threshold, double ChatterAnswered, double RequestsMissed, double Precision, double Score);

    private static List<ThresholdPoint> ThresholdCurve(IReadOnlyList<LabelledMessage> training, IReadOnlyList<IntentPrediction> predictions)
    {
        var channel = training.Select((m, i) => (Message: m, Prediction: predictions[i])).Where(p => !p.Message.Addressed).ToList();
        var chatter = channel.Count(p => p.Message.Intent == MessageIntent.None);
        var requests = channel.Count - chatter;
        var curve = new List<ThresholdPoint>();
        for (var step = 6; step <= 19; step++)
        {
            var threshold = step * 0.05f;
            var answered = channel.Where(p => p.Prediction.Intent != MessageIntent.None && !p.Prediction.IsOtherLanguage && p.Prediction.Confidence >= threshold).ToList();
            var chatterAnswered = answered.Count(p => p.Message.Intent == MessageIntent.None);
            var requestsAnswered = answered.Count(p => p.Message.Intent != MessageIntent.None);
            var precision = answered.Count == 0 ? 1 : (double)answered.Count(p => p.Message.Intent == p.Prediction.Intent) / answered.Count;
            var recall = (double)requestsAnswered / requests;
            // The product rule: a wrong answer in a busy channel costs twice a missed request, so precision counts
            // twice; being a product, neither side can be given up for the other.
            curve.Add(new ThresholdPoint(threshold, (double)chatterAnswered / chatter, 1 - recall, precision, precision * precision * recall));
        }

        return curve;
    }

    /// <summary>The lowest threshold with the highest score (a later one must beat it by more than rounding).</summary>
    private static ThresholdPoint Best(IReadOnlyList<ThresholdPoint> curve)
    {
        var best = curve[0];
        foreach (var point in curve.Skip(1))
        {
            if (point.Score > best.Score + 1e-9)
            {
                best = point;
            }
        }

        return best;
    }

    /// <summary>
    /// The shipped trainer cross-validated on the shipped interleaved folds beside folds that keep each judged set
    /// whole: the curve the silence threshold is read from under each, the whole-set figures at a few thresholds, and
    /// each set's figures when predicted by a model that never saw its judge.
    /// </summary>
    private static void CompareFolds(IReadOnlyList<LabelledMessage> training, Func<LabelledMessage, float[]> facts, Func<LabelledMessage, float[]> meaning, IReadOnlyList<IntentPrediction> interleaved, TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var bySet = IntentModelTrainer.CrossValidate(training, IntentModelTrainer.ShippedTrainer, facts, grouping: FoldGrouping.BySet, meaning: meaning);
        var folds = IntentModelTrainer.FoldsOf(training, FoldGrouping.BySet);
        output.WriteLine($"\nFold grouping, {IntentModelTrainer.ShippedTrainer} on 5-fold cross-validation (by set: {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s). By-set folds, largest set first into the smallest fold:");
        foreach (var fold in Enumerable.Range(0, 5))
        {
            var sets = training.Where((_, i) => folds[i] == fold).GroupBy(m => m.Set).Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine($"  fold {fold} ({folds.Count(f => f == fold)}): {string.Join(", ", sets)}");
        }

        var groupings = new (string Name, IReadOnlyList<IntentPrediction> Predictions)[] { ("interleaved (shipped)", interleaved), ("by set", bySet) };
        output.WriteLine("\nThe model alone (other languages counted as none):");
        output.WriteLine("  folds                  accuracy  chatter answered  requests missed");
        foreach (var (name, predictions) in groupings)
        {
            var metrics = IntentMetrics.Compute(training.Select((m, i) => (m.Intent, predictions[i].Intent)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-21}  {metrics.Accuracy,8:F3}  {metrics.ChatterAnswered,16:P1}  {metrics.RequestsMissed,15:P1}"));
        }

        output.WriteLine("\nSilence threshold curve (channel messages not addressed to the bot), interleaved | by set:");
        output.WriteLine("  threshold | chatter ans.  missed  precision  p²×recall | chatter ans.  missed  precision  p²×recall");
        var curves = groupings.Select(g => ThresholdCurve(training, g.Predictions)).ToList();
        for (var row = 0; row < curves[0].Count; row++)
        {
            var cells = curves.Select(c => c[row]).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.ChatterAnswered,12:P1}  {p.RequestsMissed,6:P1}  {p.Precision,9:F3}  {p.Score,9:F3}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {curves[0][row].Threshold,9:F2} | {string.Join(" | ", cells)}"));
        }

        foreach (var (name, curve) in groupings.Select((g, i) => (g.Name, curves[i])))
        {
            var best = Best(curve);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: precision²×recall peaks at {best.Threshold:F2} ({best.Score:F3}; chatter answered {best.ChatterAnswered:P1}, requests missed {best.RequestsMissed:P1})"));
        }

        output.WriteLine($"  MessageClassifierOptions.DefaultSilenceThreshold is {MessageClassifierOptions.DefaultSilenceThreshold.ToString("F2", CultureInfo.InvariantCulture)}");

        float[] thresholds = [0.60f, 0.65f, 0.70f, 0.75f, 0.80f, 0.85f, 0.90f];
        output.WriteLine("\nAll training messages, the model with the silence threshold applied to channel messages not addressed to the bot:");
        output.WriteLine("  threshold | interleaved: accuracy  chatter ans.  missed | by set: accuracy  chatter ans.  missed");
        foreach (var threshold in thresholds)
        {
            var cells = groupings.Select(g => IntentMetrics.Compute(training.Select((m, i) => (m.Intent, Decide(m, g.Predictions[i], threshold)))))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Accuracy,8:F3}  {m.ChatterAnswered,12:P1}  {m.RequestsMissed,6:P1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {threshold,9:F2} | {string.Join("   | ", cells)}"));
        }

        output.WriteLine($"\nEach set predicted by a by-set fold's model (never saw its judge), threshold {MessageClassifierOptions.DefaultSilenceThreshold.ToString("F2", CultureInfo.InvariantCulture)} applied:");
        output.WriteLine("  set                          count  accuracy  chatter ans.  missed");
        foreach (var set in training.Select((m, i) => (Message: m, Prediction: bySet[i])).GroupBy(p => p.Message.Set))
        {
            var metrics = IntentMetrics.Compute(set.Select(p => (p.Message.Intent, Decide(p.Message, p.Prediction, MessageClassifierOptions.DefaultSilenceThreshold))));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {set.Key,-27} {metrics.Count,6}  {metrics.Accuracy,8:F3}  {metrics.ChatterAnswered,12:P1}  {metrics.RequestsMissed,6:P1}"));
        }
    }

    /// <summary>The model's decision with the silence threshold applied, as the classifier applies it before its exact rules.</summary>
    private static MessageIntent Decide(LabelledMessage message, IntentPrediction prediction, float threshold) =>
        prediction.IsOtherLanguage || (!message.Addressed && prediction.Confidence < threshold) ? MessageIntent.None : prediction.Intent;

    /// <summary>The level of the held-out requests as the bot reads it, against the level phrases alone: totals only, never the messages.</summary>
    private static void CompareLevels(RecommendationEngine engine, IReadOnlyList<LabelledMessage> heldOut, TextWriter output)
    {
        var requests = heldOut.Where(m => m.Intent == MessageIntent.Recommend).ToList();
        Level? Phrases(LabelledMessage m) => engine.Parser.Parse(TextAnalyzer.Normalize(IntentModel.ModelText(m.Text))).Level;
        Level? AsTheBotReadsIt(LabelledMessage m) => engine.Classifier.ReadLevel(engine.Parser.Parse(TextAnalyzer.Normalize(IntentModel.ModelText(m.Text))), IntentModel.ModelText(m.Text));
        output.WriteLine("\nImplied level on held-out recommend requests (totals only):");
        foreach (var (name, read) in new (string, Func<LabelledMessage, Level?>)[] { ("level phrases alone", Phrases), ($"level phrases, else the level model ≥ {MessageClassifierOptions.DefaultLevelThreshold:F2} (the bot)", AsTheBotReadsIt) })
        {
            output.WriteLine($"  {name}: {LevelMetrics.Compute(requests.Select(m => (m.Level, read(m)))).Format()}");
        }
    }

    private static void MeasureSpeed<T>(string what, Func<LabelledMessage, T> classify, IReadOnlyList<LabelledMessage> messages, TextWriter output)
    {
        foreach (var message in messages)
        {
            classify(message);
        }

        var ticks = new long[TimedMessages];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < TimedMessages; i++)
        {
            var message = messages[i % messages.Count];
            var started = Stopwatch.GetTimestamp();
            classify(message);
            ticks[i] = Stopwatch.GetTimestamp() - started;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Array.Sort(ticks);
        double Micro(double quantile) => ticks[(int)(quantile * (ticks.Length - 1))] * 1_000_000.0 / Stopwatch.Frequency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{what}, {TimedMessages:N0} held-out messages on one thread: p50 {Micro(0.5):F0} µs, p99 {Micro(0.99):F0} µs, max {Micro(1):F0} µs"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Allocated {allocated / (double)TimedMessages:F0} bytes per message ({allocated / 1_048_576.0:F0} MiB in all); heap after a full GC: {GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0:F0} MiB"));
    }
}
