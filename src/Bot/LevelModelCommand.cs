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
/// <c>Bot model train-level</c> (also run by <c>model train-intent</c>): compares the ways of reading a free-text
/// request's level on cross-validation of the training requests, writes data/models/level.zip and reports the
/// held-out figures.
/// </summary>
internal static class LevelModelCommand
{
    public const string ModelFile = "level.zip";

    public static Command Create(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var output = new Option<string?>("--output") { Description = "Where to write the model; default data/models/level.zip next to the catalog." };
        var judgments = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var train = new Command("train-level", "Retrain the model of the level a free-text request implies; print its cross-validated comparison with the exact level words.") { output, judgments };
        train.SetAction((parseResult, cancellationToken) => withCatalog(catalog =>
        {
            var root = ModelCommand.FindRepository()
                ?? throw new DirectoryNotFoundException("Run this from inside the repository: tests/Bot.Quality.Tests/Judgments and data/ were not found above the working directory.");
            var judgmentsDirectory = parseResult.GetValue(judgments) ?? Path.Combine(root, JudgmentLoader.RepositoryPath);
            Run(catalog, judgmentsDirectory, parseResult.GetValue(output) ?? Path.Combine(root, "data", "models", ModelFile), Console.Out);
            return Task.FromResult(0);
        }));
        return train;
    }

    /// <param name="write">False: cross-validate and train, but write no file.</param>
    public static LevelModel Run(ReadingCatalog catalog, string judgmentsDirectory, string modelPath, TextWriter output, bool write = true)
    {
        var started = Stopwatch.GetTimestamp();
        var withSets = LevelModelTrainer.LoadRequests(judgmentsDirectory);
        var requests = withSets.Select(r => r.Request).ToList();
        var parser = new RecommendationEngine(catalog, RankerModel.Untrained, levelModel: LevelModel.None).Parser;
        var thresholds = new[] { 0.5f, 0.7f, 0.9f };

        var outcomes = LevelModelTrainer.CrossValidate(requests, parser);
        output.WriteLine($"Level model ({LevelModelTrainer.Trainer}): {requests.Count} training requests, {requests.Count(r => r.Level is not null)} state a level; errors weighed: a stated level missed 1, a wrong or invented level 2.");
        output.WriteLine($"{LevelModelTrainer.Folds}-fold cross-validation, folds by a hash of the normalised text:");
        output.Write(LevelModelTrainer.FormatComparison(outcomes, LevelModelTrainer.Strategies(thresholds)));

        var unseen = LevelModelTrainer.LeaveUnseenSetsOut(withSets, parser);
        output.WriteLine($"Each of the sets written after the level phrases were last changed ({string.Join(", ", LevelModelTrainer.SetsUnseenByThePhrases)}; {unseen.Count} requests, {unseen.Count(o => o.Message.Level is not null)} state a level) read by a model trained on all the other requests:");
        output.Write(LevelModelTrainer.FormatComparison(unseen, LevelModelTrainer.Strategies(thresholds)));

        var model = LevelModelTrainer.Train(requests);
        if (write)
        {
            IntentModelTrainer.Save(model.Classifier!, modelPath);
        }

        output.WriteLine($"{(write ? "Wrote " + modelPath : "Trained (not written)")} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s); the bot reads a level named in the words, else the model's at probability {MessageClassifierOptions.DefaultLevelThreshold:F2} or more.");
        return model;
    }
}
