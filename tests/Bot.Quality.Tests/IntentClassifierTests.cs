using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Testing;
using Xunit.Abstractions;

namespace Bot.Quality.Tests;

/// <summary>
/// The free-text intent model on Holdout2, the messages it was never trained or tuned on. The floors sit a little
/// under the measured figures so that a retrain that loses ground fails; the targets (accuracy ≥ 0.95,
/// chatter answered ≤ 1%, requests missed ≤ 5%) are printed beside them, and not all are met yet.
/// </summary>
public sealed class IntentClassifierTests(ITestOutputHelper output)
{
    private static readonly string Judgments = Path.Combine(Repository.Root, "tests", "Bot.Quality.Tests", "Judgments");
    private static readonly Lazy<ReadingCatalog> Catalog = new(() => CatalogLoader.LoadOrThrow(Repository.DataDirectory));
    private static readonly Lazy<IReadOnlyList<LabelledMessage>> HeldOut = new(() => IntentModelTrainer.LoadHeldOut(Judgments));

    [Fact]
    public void Retraining_on_the_committed_messages_reproduces_the_committed_model()
    {
        var committed = IntentModel.Load(Path.Combine(Repository.DataDirectory, "models", "intent.zip"));
        var facts = IntentModelTrainer.FactsFor(Catalog.Value);
        var meaning = IntentModelTrainer.MeaningFor(MeaningIndex.Shipped);
        var retrained = IntentModelTrainer.Train(IntentModelTrainer.LoadTraining(Judgments, JudgmentLoader.LoadRequestMessages(Judgments)), IntentModelTrainer.ShippedTrainer, facts, meaning: meaning);

        foreach (var message in HeldOut.Value)
        {
            var features = facts(message);
            var placed = meaning(message);
            var before = committed.Predict(message.Text, features, placed);
            var after = retrained.Predict(message.Text, features, placed);
            Assert.True(
                before.Label == after.Label && Math.Abs(before.Confidence - after.Confidence) < 1e-4,
                $"'{message.Text}': the committed model says {before.Label} ({before.Confidence:F4}), a retrained one {after.Label} ({after.Confidence:F4}). Run `Bot model train-intent` and commit data/models/intent.zip.");
        }
    }

    [Fact]
    public void Every_training_message_carries_the_judged_file_it_came_from()
    {
        var (messages, requests) = IntentModelTrainer.LoadTrainingParts(Judgments, JudgmentLoader.LoadRequestMessages(Judgments));

        Assert.Equal(IntentModelTrainer.TrainingFiles, messages.Select(m => m.Set).Distinct());
        Assert.Subset(IntentModelTrainer.RequestFolders.Select(JudgmentLoader.RecommendSetName).ToHashSet(), requests.Select(m => m.Set).ToHashSet());
        Assert.DoesNotContain(requests, m => string.IsNullOrEmpty(m.Set));
    }

    [Fact]
    public void Held_out_messages_keep_their_measured_figures()
    {
        var classifier = new RecommendationEngine(Catalog.Value).Classifier;
        var metrics = IntentMetrics.Compute(HeldOut.Value.Select(m => (m.Intent, classifier.Classify(m.Text, m.Addressed).Intent)));
        var text = "Holdout2 intents (targets: accuracy ≥ 0.95, chatter answered ≤ 1%, requests missed ≤ 5%):\n" + metrics.Format();
        output.WriteLine(text);

        Assert.True(metrics.Accuracy >= QualityFloorsForIntent.Accuracy, text);
        Assert.True(metrics.ChatterAnswered <= QualityFloorsForIntent.ChatterAnswered, text);
        Assert.True(metrics.RequestsMissed <= QualityFloorsForIntent.RequestsMissed, text);
    }

    [Fact]
    public void Held_out_messages_in_other_languages_addressed_to_the_bot_are_recognised()
    {
        var classifier = new RecommendationEngine(Catalog.Value).Classifier;
        var foreign = HeldOut.Value.Where(m => m.OtherLanguage && m.Addressed).ToList();
        var recognised = foreign.Count(m => classifier.Classify(m.Text, addressedToBot: true).OtherLanguage);
        Assert.True(recognised >= foreign.Count - 1, $"{recognised} of {foreign.Count} addressed messages in other languages were recognised.");
    }

    /// <summary>
    /// Measured on Holdout2 when the model was last trained (accuracy 0.887, chatter answered 2.6%, requests missed
    /// 13.9%), with a message or two of slack. Below the targets: see the README.
    /// </summary>
    private static class QualityFloorsForIntent
    {
        public const double Accuracy = 0.88;
        public const double ChatterAnswered = 0.035;
        public const double RequestsMissed = 0.15;
    }
}
