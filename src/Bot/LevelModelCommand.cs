using System.CommandLine;
using System.Diagnostics;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Ranking;

namespace Bot.Host;

/// <summary>
/// <c>Bot model compare-level</c>: the level phrases against a model of the level a free-text request implies, and
/// their combinations, on cross-validation of the training requests (issue 9). Writes no model: none beat the phrases.
/// </summary>
internal static class LevelModelCommand
{
    public static Command Create(Func<Func<ReadingCatalog, Task<int>>, Task<int>> withCatalog)
    {
        var judgments = new Option<string?>("--judgments") { Description = "The judgments folder; default tests/Bot.Quality.Tests/Judgments in the repository." };
        var compare = new Command("compare-level", "Compare the level phrases with a level model and their combinations on cross-validation of the training requests (never Holdout2); writes no model.") { judgments };
        compare.SetAction((parseResult, cancellationToken) => withCatalog(catalog =>
        {
            var root = ModelCommand.FindRepository()
                ?? throw new DirectoryNotFoundException("Run this from inside the repository: tests/Bot.Quality.Tests/Judgments and data/ were not found above the working directory.");
            Run(catalog, parseResult.GetValue(judgments) ?? Path.Combine(root, JudgmentLoader.RepositoryPath), Console.Out);
            return Task.FromResult(0);
        }));
        return compare;
    }

    public static void Run(ReadingCatalog catalog, string judgmentsDirectory, TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var withSets = LevelModelTrainer.LoadRequests(judgmentsDirectory);
        var requests = withSets.Select(r => r.Request).ToList();
        var parser = new RecommendationEngine(catalog, RankerModel.Untrained).Parser;
        var thresholds = new[] { 0.5f, 0.7f, 0.9f };
        output.WriteLine($"Level of free-text requests, model {LevelModelTrainer.Trainer}: {requests.Count} training requests, {requests.Count(r => r.Level is not null)} state a level; errors weighed: a stated level missed 1, a wrong or invented level 2.");

        var outcomes = LevelModelTrainer.CrossValidate(requests, parser);
        output.WriteLine($"{LevelModelTrainer.Folds}-fold cross-validation, folds by a hash of the normalised text (flatters the phrases, written while reading these requests):");
        output.Write(LevelModelTrainer.FormatComparison(outcomes, LevelModelTrainer.Strategies(thresholds)));

        var unseen = LevelModelTrainer.LeaveUnseenSetsOut(withSets, parser);
        output.WriteLine($"Each of the sets written after the level phrases were last changed ({string.Join(", ", LevelModelTrainer.SetsUnseenByThePhrases)}; {unseen.Count} requests, {unseen.Count(o => o.Message.Level is not null)} state a level) read by a model trained on all the other requests:");
        output.Write(LevelModelTrainer.FormatComparison(unseen, LevelModelTrainer.Strategies(thresholds)));
        output.WriteLine($"({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
    }
}
