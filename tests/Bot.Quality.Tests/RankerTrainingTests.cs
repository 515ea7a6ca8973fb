using Bot.Application.Training;
using Bot.Catalog;
using Bot.Quality.Harness;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>The committed model is what the committed judgments train: retraining reproduces its cross-validated figures.</summary>
public sealed class RankerTrainingTests
{
    [Fact]
    public void Training_on_the_committed_judgments_reproduces_the_committed_models_figures()
    {
        var metrics = RankerTrainer.ReadMetrics(File.ReadAllText(Path.Combine(Repository.DataDirectory, "models", "ranker.metrics.json")))!;
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var judgments = JudgmentLoader.TrainingFolders
            .SelectMany(folder => JudgmentLoader.LoadRecommend(Path.Combine(JudgmentFolders.Tuned, folder)))
            .ToList();
        var algorithm = Enum.Parse<RankerAlgorithm>(metrics.Algorithm);

        var dataset = RankerTrainer.BuildDataset(catalog, judgments);
        var result = RankerTrainer.CrossValidate(dataset, algorithm);

        Assert.Equal(metrics.Queries, dataset.Count);
        Assert.Equal(metrics.Rows, dataset.Sum(q => q.Ids.Count));
        Assert.Equal(metrics.FoldNdcg[metrics.Algorithm], result.FoldNdcg.Select(v => Math.Round(v, 6)).ToList());
    }

    [Fact]
    public void Holdout2_is_never_among_the_training_folders()
    {
        Assert.DoesNotContain(JudgmentLoader.TrainingFolders, folder => folder.Contains("Holdout2", StringComparison.OrdinalIgnoreCase));
    }
}
