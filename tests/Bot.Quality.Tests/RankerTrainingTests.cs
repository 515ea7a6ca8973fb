using Bot.Application.Training;
using Bot.Catalog;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Quality.Harness;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>
/// The committed model is what the committed judgments train: retraining gives the same data set and a model that
/// scores every judged candidate as the committed one does. (Cross-validation is the train command's report.)
/// </summary>
public sealed class RankerTrainingTests
{
    [Fact]
    public void Training_on_the_committed_judgments_reproduces_the_committed_model()
    {
        var metrics = RankerTrainer.ReadMetrics(File.ReadAllText(Path.Combine(Repository.DataDirectory, "models", "ranker.metrics.json")))!;
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var judgments = JudgmentLoader.TrainingFolders
            .SelectMany(folder => JudgmentLoader.LoadRecommend(Path.Combine(JudgmentFolders.Tuned, folder)))
            .ToList();
        var algorithm = Enum.Parse<RankerAlgorithm>(metrics.Algorithm);

        var dataset = RankerTrainer.BuildDataset(catalog, judgments);
        var trained = RankerTrainer.TrainFinal(dataset, algorithm);
        using var bytes = new MemoryStream(trained.Model);
        var retrained = RankerModel.Load(bytes, "retrained");

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.DataDirectory, "models", JudgedPriors.FileName)), trained.Priors.ToText());
        Assert.Equal(metrics.Queries, dataset.Count);
        Assert.Equal(metrics.Rows, dataset.Sum(q => q.Ids.Count));
        foreach (var features in RankerTrainer.WithPriors(dataset, trained.Priors).SelectMany(q => q.Features))
        {
            Assert.Equal(RankerModel.Bundled.Score(features), retrained.Score(features), 9);
        }
    }

    [Fact]
    public void No_held_out_set_is_among_the_training_folders()
    {
        foreach (var heldOut in JudgmentFolders.HeldOutNames)
        {
            Assert.DoesNotContain(JudgmentLoader.TrainingFolders, folder => folder.Contains(heldOut, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(IntentModelTrainer.RequestFolders, folder => folder.Contains(heldOut, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(IntentModelTrainer.TrainingFiles, file => file.Contains(heldOut, StringComparison.OrdinalIgnoreCase));
        }
    }
}
