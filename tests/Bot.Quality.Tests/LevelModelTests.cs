using Bot.Application.Training;
using Bot.Quality.Harness;
using Bot.Recommendation.Understanding;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>The committed level model is what the committed training requests train, and the one the bot ships.</summary>
public sealed class LevelModelTests
{
    private static readonly string CommittedModel = Path.Combine(Repository.DataDirectory, "models", "level.zip");

    [Fact]
    public void Training_on_the_committed_judgments_reproduces_the_committed_model()
    {
        var committed = LevelModel.Load(CommittedModel);
        var requests = LevelModelTrainer.LoadRequests(JudgmentFolders.Tuned).Select(r => r.Request).ToList();
        var retrained = LevelModelTrainer.TrainShipped(JudgmentFolders.Tuned);

        foreach (var request in requests)
        {
            var before = committed.Predict(request.Text);
            var after = retrained.Predict(request.Text);
            Assert.True(
                before.Level == after.Level && Math.Abs(before.Confidence - after.Confidence) < 1e-5,
                $"'{request.Text}': the committed model reads {before.Level} ({before.Confidence:F5}), a retrained one {after.Level} ({after.Confidence:F5}). Run `Bot model train-level` (or `model train`) and commit data/models/level.zip.");
        }
    }

    [Fact]
    public void The_level_model_never_trains_on_a_held_out_set()
    {
        var sets = LevelModelTrainer.LoadRequests(JudgmentFolders.Tuned).Select(r => r.Set).Distinct().ToList();

        Assert.NotEmpty(sets);
        foreach (var heldOut in JudgmentFolders.HeldOutNames)
        {
            Assert.DoesNotContain(sets, set => set.Contains(heldOut, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_model_shipped_in_the_assembly_is_the_committed_file()
    {
        var embedded = LevelModel.LoadEmbedded();
        var committed = LevelModel.Load(CommittedModel);
        foreach (var text in new[] { "I'm totally new to this, what should I read on raft?", "grad student preparing quals in consensus", "any good books on kafka?" })
        {
            Assert.Equal(committed.Predict(text), embedded.Predict(text));
        }
    }
}
