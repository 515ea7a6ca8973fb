using System.ComponentModel.DataAnnotations;
using Bot.Catalog;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Conversation;

/// <summary>
/// A free-text request's level: the level phrases', else the level model's when sure enough, else none
/// (<see cref="MessageClassifier.ReadLevel"/>), with a level model trained on the fixture's requests.
/// </summary>
public sealed class MessageClassifierLevelTests
{
    // Says an advanced reader in words no level phrase has, about a subject the fixture model never saw.
    private const string ImpliesAdvanced = "grad student preparing quals, reading on byzantine agreement";

    private static readonly RecommendationEngine Engine = FixtureCatalog.LevelEngine;

    [Fact]
    public void The_model_reads_the_level_when_the_phrases_find_none()
    {
        Assert.Null(Engine.Parser.Parse(ImpliesAdvanced).Level);
        var reading = FixtureCatalog.LevelModel.Predict(ImpliesAdvanced);
        Assert.True(reading.Confidence >= MessageClassifierOptions.DefaultLevelThreshold, $"the fixture model is only {reading.Confidence:F3} sure");

        var result = Engine.Classifier.Classify(ImpliesAdvanced, addressedToBot: true);

        Assert.Equal(MessageIntent.Recommend, result.Intent);
        Assert.Equal(Level.Advanced, result.Query.Level);
    }

    [Fact]
    public void The_phrases_win_over_the_model()
    {
        // The model reads the grad student, sure enough to be used; "for beginners" is a level phrase and decides.
        const string text = "grad student preparing quals, reading on raft for beginners";
        var reading = FixtureCatalog.LevelModel.Predict(text);
        Assert.Equal(Level.Advanced, reading.Level);
        Assert.True(reading.Confidence >= MessageClassifierOptions.DefaultLevelThreshold, $"the fixture model is only {reading.Confidence:F3} sure");

        var result = Engine.Classifier.Classify(text, addressedToBot: true);

        Assert.Equal(MessageIntent.Recommend, result.Intent);
        Assert.Equal(Level.Beginner, result.Query.Level);
    }

    [Fact]
    public void Below_the_threshold_the_request_has_no_level()
    {
        var reading = FixtureCatalog.LevelModel.Predict(ImpliesAdvanced);
        Assert.Equal(Level.Advanced, reading.Level);
        Assert.True(reading.Confidence < 0.999f);
        var parsed = Engine.Parser.Parse(ImpliesAdvanced);
        var modelText = IntentModel.ModelText(ImpliesAdvanced);

        Assert.Equal(Level.Advanced, WithThreshold(reading.Confidence).ReadLevel(parsed, modelText));
        Assert.Null(WithThreshold(reading.Confidence + 0.001f).ReadLevel(parsed, modelText));
        Assert.Null(WithThreshold(reading.Confidence + 0.001f).Classify(ImpliesAdvanced, addressedToBot: true).Query.Level);
    }

    [Fact]
    public void A_request_the_model_reads_as_stating_no_level_gets_none()
    {
        const string text = "any good books on byzantine agreement?";
        var reading = FixtureCatalog.LevelModel.Predict(text);
        Assert.Null(reading.Level);

        // Even at the lowest threshold allowed, "unstated" is never a level.
        Assert.Null(WithThreshold(0.25f).Classify(text, addressedToBot: true).Query.Level);
    }

    [Fact]
    public void Without_a_level_model_only_the_phrases_count()
    {
        Assert.Null(FixtureCatalog.Engine.Classifier.Classify(ImpliesAdvanced, addressedToBot: true).Query.Level);
        Assert.Equal(Level.Beginner, FixtureCatalog.Engine.Classifier.Classify("raft for beginners please", addressedToBot: true).Query.Level);
    }

    [Theory]
    [InlineData(0.2f)]
    [InlineData(1.5f)]
    public void A_level_threshold_out_of_range_is_refused(float threshold)
    {
        Assert.Throws<ValidationException>(() => new MessageClassifierOptions { LevelThreshold = threshold }.Validated());
        Assert.Throws<ValidationException>(() => WithThreshold(threshold));
    }

    private static MessageClassifier WithThreshold(float threshold) =>
        new(Engine.Parser, Engine.Papers, IntentModel.LoadEmbedded(), new MessageClassifierOptions { LevelThreshold = threshold }, FixtureCatalog.LevelModel);
}
