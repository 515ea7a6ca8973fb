using System.ComponentModel.DataAnnotations;
using Bot.Catalog;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

/// <summary>The level a request implies in its own words, read by a level model trained on the fixture's requests.</summary>
public sealed class LevelModelTests
{
    private static readonly MessageClassifier Classifier = FixtureCatalog.Engine.Classifier;

    [Theory]
    [InlineData("I'm totally new to this, what should I read on leader election?", Level.Beginner)]
    [InlineData("no math please, something on byzantine fault tolerance", Level.Beginner)]
    [InlineData("I already run chain replication in prod, what next?", Level.Intermediate)]
    [InlineData("grad student preparing quals, reading on byzantine agreement", Level.Advanced)]
    public void A_level_implied_in_the_words_is_read_by_the_model(string message, Level expected)
    {
        var result = Classifier.Classify(message, addressedToBot: true);
        Assert.Equal(MessageIntent.Recommend, result.Intent);
        Assert.Equal(expected, result.Query.Level);
    }

    [Fact]
    public void A_request_that_states_no_level_gets_none() =>
        Assert.Null(Classifier.Classify("any good papers on leader election?", addressedToBot: true).Query.Level);

    [Fact]
    public void A_level_said_by_its_name_wins_over_the_model()
    {
        // The words around it read as a beginner's; the name says advanced.
        var result = Classifier.Classify("I'm totally new to this but want advanced papers on raft", addressedToBot: true);
        Assert.Equal(Level.Advanced, result.Query.Level);
    }

    [Fact]
    public void Below_the_threshold_the_model_reads_no_level()
    {
        var engine = FixtureCatalog.Engine;
        var text = "I'm totally new to this, what should I read on leader election?";
        var strict = new MessageClassifier(engine.Parser, engine.Papers, IntentModel.LoadEmbedded(), new MessageClassifierOptions { LevelThreshold = 1f }, FixtureCatalog.TrainLevelModel(FixtureCatalog.LevelRequests));

        Assert.Equal(Level.Beginner, engine.Classifier.ReadLevel(engine.Parser.Parse(text), text));
        Assert.Null(strict.ReadLevel(engine.Parser.Parse(text), text));
        Assert.Equal(Level.Advanced, strict.ReadLevel(engine.Parser.Parse("advanced paxos"), "advanced paxos"));
    }

    [Fact]
    public void Without_a_model_only_level_names_count()
    {
        var engine = FixtureCatalog.Engine;
        var namesOnly = new MessageClassifier(engine.Parser, engine.Papers, IntentModel.LoadEmbedded(), levels: LevelModel.None);
        Assert.Null(namesOnly.ReadLevel(engine.Parser.Parse("I'm totally new to this"), "I'm totally new to this"));
        Assert.Equal(Level.Beginner, namesOnly.ReadLevel(engine.Parser.Parse("raft for beginners"), "raft for beginners"));
        Assert.Equal(new LevelPrediction(null, 1f), LevelModel.None.Predict("I'm totally new to this"));
    }

    [Fact]
    public void Classes_are_the_level_names_and_unstated()
    {
        Assert.Equal(LevelModel.Unstated, LevelModel.Label(null));
        foreach (var level in Enum.GetValues<Level>())
        {
            Assert.Equal(level, LevelModel.ToLevel(LevelModel.Label(level)));
        }

        Assert.Null(LevelModel.ToLevel(LevelModel.Unstated));
    }

    [Theory]
    [InlineData(0.1f)]
    [InlineData(1.5f)]
    public void A_level_threshold_out_of_range_is_refused(float threshold) =>
        Assert.Throws<ValidationException>(() => new MessageClassifierOptions { LevelThreshold = threshold }.Validated());

    [Fact]
    public void Training_the_same_requests_twice_gives_the_same_readings()
    {
        var first = FixtureCatalog.TrainLevelModel(FixtureCatalog.LevelRequests);
        var second = FixtureCatalog.TrainLevelModel(FixtureCatalog.LevelRequests);
        foreach (var (text, _) in FixtureCatalog.LevelRequests)
        {
            Assert.Equal(first.Predict(text), second.Predict(text));
        }
    }
}
