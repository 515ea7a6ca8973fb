using Bot.Application.Training;
using Bot.Recommendation.Understanding;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>The committed level model is what the committed training requests train (never Holdout2's).</summary>
public sealed class LevelModelTests
{
    private static readonly string Judgments = Path.Combine(Repository.Root, "tests", "Bot.Quality.Tests", "Judgments");

    [Fact]
    public void Retraining_on_the_committed_requests_reproduces_the_committed_model()
    {
        var committed = LevelModel.Load(Path.Combine(Repository.DataDirectory, "models", "level.zip"));
        var requests = LevelModelTrainer.LoadRequests(Judgments).Select(r => r.Request).ToList();
        var retrained = LevelModelTrainer.Train(requests);

        foreach (var request in requests)
        {
            var before = committed.Predict(request.Text);
            var after = retrained.Predict(request.Text);
            Assert.True(
                before.Level == after.Level && Math.Abs(before.Confidence - after.Confidence) < 1e-4,
                $"'{request.Text}': the committed model says {before.Level} ({before.Confidence:F4}), a retrained one {after.Level} ({after.Confidence:F4}). Run `Bot model train-level` and commit data/models/level.zip.");
        }
    }

    [Fact]
    public void The_level_model_never_trains_on_held_out_sets()
    {
        var sets = LevelModelTrainer.LoadRequests(Judgments).Select(r => r.Set).Distinct().ToList();
        Assert.NotEmpty(sets);
        Assert.DoesNotContain(sets, set => set.Contains("Holdout2", StringComparison.OrdinalIgnoreCase) || set.Contains("Holdout3", StringComparison.OrdinalIgnoreCase) || set.Contains("Training4", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_model_shipped_in_the_assembly_is_the_committed_file()
    {
        var embedded = LevelModel.LoadEmbedded();
        var committed = LevelModel.Load(Path.Combine(Repository.DataDirectory, "models", "level.zip"));
        foreach (var text in new[] { "I'm totally new to this, what should I read on raft?", "grad student preparing quals in consensus", "any good books on kafka?" })
        {
            Assert.Equal(committed.Predict(text), embedded.Predict(text));
        }
    }
}
