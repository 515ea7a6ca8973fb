using Bot.Catalog;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class LevelModelTests
{
    [Fact]
    public void The_classes_are_the_level_names_and_unstated()
    {
        Assert.Equal(LevelModel.Unstated, LevelModel.Label(null));
        Assert.Null(LevelModel.ToLevel(LevelModel.Unstated));
        foreach (var level in Enum.GetValues<Level>())
        {
            Assert.Equal(level, LevelModel.ToLevel(LevelModel.Label(level)));
        }
    }

    [Fact]
    public void No_model_reads_no_level() =>
        Assert.Equal(new LevelPrediction(null, 1f), LevelModel.None.Predict("grad student preparing quals, reading on raft"));

    [Fact]
    public void Training_the_same_requests_twice_gives_the_same_readings()
    {
        var again = FixtureCatalog.TrainLevelModel(FixtureCatalog.LevelRequests);
        foreach (var (text, _) in FixtureCatalog.LevelRequests)
        {
            Assert.Equal(FixtureCatalog.LevelModel.Predict(text), again.Predict(text));
        }
    }
}
