using System.CommandLine;
using System.Diagnostics;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Host;

/// <summary>
/// <c>Bot model compare-level</c>: the level phrases against a model of the level a free-text request implies, and
/// their combinations, on cross-validation of the training requests (issue 9); writes no model.
/// <c>Bot model train-level</c> (also run by <c>model train</c>, before the ranker): writes data/models/level.zip.
/// </summary>
internal static class LevelModelCommand
{
    public const string ModelFile = "level.zip";

    public static IEnumerable<Command> Create(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        yield return CreateCompare(withCatalog);
        var output = new Option<string?>("--output") { Description = "Where to write the model; default data/models/level.zip in the repository." };
        var judgmentsOption = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var train = new Command("train-level", "Retrain only the level model of free-text requests on the training requests (never Holdout2 or Holdout3) and write data/models/level.zip; `model train` does this too.") { output, judgmentsOption };
        train.SetAction((parseResult, cancellationToken) =>
        {
            var root = ModelCommand.RequireRepository();
            Train(
                parseResult.GetValue(judgmentsOption) ?? Path.Combine(root, JudgmentLoader.RepositoryPath),
                parseResult.GetValue(output) ?? Path.Combine(root, "data", "models", ModelFile),
                Console.Out);
            return Task.FromResult(0);
        });
        yield return train;
    }

    /// <summary>Trains the shipped level model on every training request and writes it unless <paramref name="write"/> is false.</summary>
    public static LevelModel Train(string judgmentsDirectory, string modelPath, TextWriter output, bool write = true)
    {
        var started = Stopwatch.GetTimestamp();
        var model = LevelModelTrainer.TrainShipped(judgmentsDirectory);
        if (write)
        {
            IntentModelTrainer.Save(model.Classifier!, modelPath);
        }

        output.WriteLine($"Level model ({LevelModelTrainer.Trainer}): {(write ? "wrote " + modelPath : "trained (not written)")} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s); the bot reads the level phrases, else this model's level at probability {MessageClassifierOptions.DefaultLevelThreshold:F2} or more (`model compare-level` for the comparison).");
        return model;
    }

    private static Command CreateCompare(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var judgments = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var misses = new Option<bool>("--misses") { Description = "Also list each training request whose level the bot's reading gets wrong under cross-validation." };
        var meaning = new Option<bool>("--compare-meaning") { Description = "Also cross-validate a level model that reads each request's meaning vector beside its text, on the same folds." };
        var compare = new Command("compare-level", "Compare the level phrases with a level model and their combinations on cross-validation of the training requests (never a held-out set); writes no model.") { judgments, misses, meaning };
        compare.SetAction((parseResult, cancellationToken) => withCatalog(catalog =>
        {
            var root = ModelCommand.RequireRepository();
            Run(catalog, parseResult.GetValue(judgments) ?? Path.Combine(root, JudgmentLoader.RepositoryPath), Console.Out, parseResult.GetValue(misses), parseResult.GetValue(meaning));
            return Task.FromResult(0);
        }));
        return compare;
    }

    public static void Run(ReadingCatalog catalog, string judgmentsDirectory, TextWriter output, bool listMisses = false, bool compareMeaning = false)
    {
        var started = Stopwatch.GetTimestamp();
        var withSets = LevelModelTrainer.LoadRequests(judgmentsDirectory);
        var requests = withSets.Select(r => r.Request).ToList();
        var parser = new RecommendationEngine(catalog, RankerModel.Untrained, levelModel: LevelModel.None).Parser;
        var thresholds = new[] { 0.5f, 0.7f, 0.9f };
        output.WriteLine($"Level of free-text requests, model {LevelModelTrainer.Trainer}: {requests.Count} training requests, {requests.Count(r => r.Level is not null)} state a level; errors weighed: a stated level missed 1, a wrong or invented level 2.");

        var outcomes = LevelModelTrainer.CrossValidate(requests, parser);
        output.WriteLine($"{LevelModelTrainer.Folds}-fold cross-validation, folds by a hash of the normalised text (flatters the phrases, written while reading these requests):");
        output.Write(LevelModelTrainer.FormatComparison(outcomes, LevelModelTrainer.Strategies(thresholds)));
        if (listMisses)
        {
            WriteMisses(outcomes, output);
        }

        var unseen = LevelModelTrainer.LeaveUnseenSetsOut(withSets, parser);
        output.WriteLine($"Each of the sets written after the level phrases were last changed ({string.Join(", ", LevelModelTrainer.SetsUnseenByThePhrases)}; {unseen.Count} requests, {unseen.Count(o => o.Message.Level is not null)} state a level) read by a model trained on all the other requests:");
        output.Write(LevelModelTrainer.FormatComparison(unseen, LevelModelTrainer.Strategies(thresholds)));
        output.WriteLine($"({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
        if (compareMeaning)
        {
            var vectors = MeaningIndex.Shipped;
            output.WriteLine("\nThe same two comparisons with models that also read each request's meaning vector:");
            output.Write(LevelModelTrainer.FormatComparison(LevelModelTrainer.CrossValidate(requests, parser, meaning: vectors), LevelModelTrainer.Strategies(thresholds)));
            output.Write(LevelModelTrainer.FormatComparison(LevelModelTrainer.LeaveUnseenSetsOut(withSets, parser, meaning: vectors), LevelModelTrainer.Strategies(thresholds)));
            output.WriteLine($"({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
        }
    }

    private static void WriteMisses(IReadOnlyList<LevelOutcome> outcomes, TextWriter output)
    {
        output.WriteLine("The bot's reading (level phrases, else the model at its threshold) where it differs from the stated level, under the same cross-validation:");
        foreach (var outcome in outcomes)
        {
            var read = LevelModelTrainer.AsTheBotReads(outcome);
            if (read != outcome.Message.Level)
            {
                output.WriteLine($"- stated {outcome.Message.Level?.ToString() ?? "none"}, read {read?.ToString() ?? "none"} (phrases {outcome.Rules?.ToString() ?? "none"}; model {outcome.Model.Level?.ToString() ?? "none"} {outcome.Model.Confidence:F2}): {outcome.Message.Text.ReplaceLineEndings(" ")}");
            }
        }
    }
}
