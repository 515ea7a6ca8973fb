using System.Numerics.Tensors;
using Bot.Featurization;
using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Tests.Conversation;

public sealed class IntentModelTrainerTests
{
    // Texts as a sentence encoder would place them: asking for reading one way, an incident the other. The words
    // "syllabus", "tome", "pager" and "outage" occur here but in no labelled message below.
    private static readonly WordVectors Vectors = WordVectors.Build(
    [
        ("recommend a primer", Direction(0)),
        ("a textbook or syllabus to recommend", Direction(0)),
        ("the tome every primer cites", Direction(0)),
        ("server crashed after the deploy", Direction(1)),
        ("pager went off, outage on the server", Direction(1)),
        ("outage after the deploy", Direction(1)),
    ]);

    private static readonly LabelledMessage[] Training =
    [
        .. new[] { "recommend a primer", "any primer to recommend", "primer please", "a textbook to recommend", "textbook recommendations", "recommend me a textbook", "primer or textbook", "good primer", "recommend", "textbook" }
            .Select(text => new LabelledMessage(text, MessageIntent.Recommend, null, Addressed: false, OtherLanguage: false)),
        .. new[] { "server crashed", "the deploy crashed", "server down after deploy", "deploy again", "crashed again", "the server crashed", "deploy broke the server", "server", "deploy", "crashed" }
            .Select(text => new LabelledMessage(text, MessageIntent.None, null, Addressed: false, OtherLanguage: false)),
    ];

    private static readonly LightGbmSettings Small = new(50, 4, 2, 0.2);

    [Fact]
    public void A_model_trained_with_meaning_reads_words_no_labelled_message_used()
    {
        var meaning = IntentModelTrainer.MeaningFor(Vectors);
        var model = IntentModelTrainer.Train(Training, IntentTrainerKind.LightGbm, NoFacts, Small, meaning);

        Assert.Equal(MessageIntent.Recommend, Predict(model, "syllabus tome", meaning).Intent);
        Assert.Equal(MessageIntent.None, Predict(model, "pager outage", meaning).Intent);
    }

    [Fact]
    public void A_model_trained_without_meaning_ignores_the_meaning_it_is_given()
    {
        var meaning = IntentModelTrainer.MeaningFor(Vectors);
        var model = IntentModelTrainer.Train(Training, IntentTrainerKind.LightGbm, NoFacts, Small);

        var placed = Predict(model, "syllabus tome", meaning);
        var unplaced = model.Predict("syllabus tome", new float[MessageFacts.FeatureCount]);

        Assert.Equal(unplaced, placed);
    }

    [Fact]
    public void A_message_is_placed_unit_length_by_its_known_words_and_all_zeros_without_vectors()
    {
        var placed = MessageFacts.Place("syllabus please", Vectors);

        Assert.Equal(MessageFacts.MeaningDimensions, placed.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(placed), 4);
        Assert.All(MessageFacts.Place("syllabus please", meaning: null), value => Assert.Equal(0f, value));
        Assert.All(MessageFacts.Place("zzz qqq", Vectors), value => Assert.Equal(0f, value));
    }

    private static float[] NoFacts(LabelledMessage message) => new float[MessageFacts.FeatureCount];

    private static IntentPrediction Predict(IntentModel model, string text, Func<LabelledMessage, float[]> meaning) =>
        model.Predict(text, new float[MessageFacts.FeatureCount], meaning(new LabelledMessage(text, MessageIntent.None, null, Addressed: false, OtherLanguage: false)));

    // A unit direction of the vectors' length, slightly tilted so that no two texts are placed exactly alike.
    private static float[] Direction(int axis)
    {
        var vector = new float[MessageFacts.MeaningDimensions];
        vector[axis] = 1f;
        vector[2] = 0.05f * axis;
        return vector;
    }
}
