using Bot.Featurization;
using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Understanding;

/// <summary>
/// The topic a request is about when it names none by word ("how does a system tell a dead node from a slow one"):
/// a text classifier over the request's subject words, trained on the judged requests and the catalog's own text
/// (see Bot.Application's TopicModelTrainer). It is the same kind of model as the intent model (FeaturizeText into a
/// multiclass trainer), with the topic ids as its classes and no exact facts beside the text.
/// </summary>
public sealed class TopicModel
{
    public const string EmbeddedResourceName = "Bot.Recommendation.topic.zip";

    private readonly IntentModel? _model;
    private readonly WordVectors? _meaning;

    /// <param name="meaning">Places each subject by meaning, for a model trained with it (<see cref="MessageFacts.Meaning"/>);
    /// null for the shipped model, which reads the words alone (`Bot model train --compare-topic-meaning`).</param>
    public TopicModel(IntentModel model, WordVectors? meaning = null)
    {
        _model = model;
        _meaning = meaning;
    }

    private TopicModel() => _model = null;

    /// <summary>Infers nothing: for training the other models on what the words alone say.</summary>
    public static TopicModel None { get; } = new();

    /// <summary>The classifier inside, for saving and measuring; null for <see cref="None"/>.</summary>
    public IntentModel? Classifier => _model;

    /// <summary>The model shipped inside this assembly (data/models/topic.zip at build time).</summary>
    public static TopicModel LoadEmbedded() => new(IntentModel.LoadEmbedded(EmbeddedResourceName, "topic"));

    /// <summary>The most likely topic of <paramref name="subjectText"/> and its probability; null when the model is off or the text empty.</summary>
    public IntentPrediction? Predict(string subjectText)
    {
        if (_model is null || string.IsNullOrWhiteSpace(subjectText))
        {
            return null;
        }

        return _model.PredictText(IntentModel.ModelText(subjectText), _meaning);
    }
}
