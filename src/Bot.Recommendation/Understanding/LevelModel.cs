using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Understanding;

/// <summary>The level a request implies (null: it states none) and the model's probability for that reading.</summary>
public readonly record struct LevelPrediction(Level? Level, float Confidence);

/// <summary>
/// The level a free-text request implies in its own words ("totally new to this", "I run it in prod"): a text
/// classifier over four classes, the three levels and "unstated", trained on the training sets' reading requests
/// (Bot.Application's LevelModelTrainer). The same kind of model as the intent model, on the text alone. The bot asks
/// it only when the level phrases find nothing (<see cref="MessageClassifier.ReadLevel"/>).
/// </summary>
public sealed class LevelModel
{
    public const string EmbeddedResourceName = "Bot.Recommendation.level.zip";

    /// <summary>
    /// The LightGBM shape the level model is trained with, its own rather than the intent model's: it was chosen with
    /// this shape (`Bot model compare-level`, 2026-12-04), and retuning the intent model must not move it.
    /// </summary>
    public static Conversation.LightGbmSettings TrainingSettings { get; } = new(400, 8, 5, 0.05);

    /// <summary>The class of a request that states no level.</summary>
    public const string Unstated = "unstated";

    private readonly IntentModel? _model;
    private readonly WordVectors? _meaning;

    /// <param name="meaning">Places each request by meaning, for a model trained with it (<see cref="MessageFacts.Meaning"/>);
    /// null for the shipped model, which reads the text alone (`Bot model compare-level --compare-meaning`).</param>
    public LevelModel(IntentModel model, WordVectors? meaning = null)
    {
        _model = model;
        _meaning = meaning;
    }

    private LevelModel() => _model = null;

    /// <summary>Reads no level: only the level phrases count.</summary>
    public static LevelModel None { get; } = new();

    /// <summary>The classifier inside, for saving; null for <see cref="None"/>.</summary>
    public IntentModel? Classifier => _model;

    /// <summary>The model shipped inside this assembly (data/models/level.zip at build time).</summary>
    public static LevelModel LoadEmbedded() => new(IntentModel.LoadEmbedded(EmbeddedResourceName, "level"));

    /// <summary>A model file written by the trainer (data/models/level.zip).</summary>
    public static LevelModel Load(string path) => new(IntentModel.Load(path));

    /// <summary>The likeliest level of a raw message text (null: unstated) and its probability.</summary>
    public LevelPrediction Predict(string text) => PredictModelText(IntentModel.ModelText(text));

    /// <summary>As <see cref="Predict"/>, for a text already through <see cref="IntentModel.ModelText"/>; unstated for <see cref="None"/> or an empty text.</summary>
    public LevelPrediction PredictModelText(string modelText)
    {
        if (_model is null || string.IsNullOrWhiteSpace(modelText))
        {
            return new LevelPrediction(null, 1f);
        }

        var prediction = _model.PredictText(modelText, _meaning);
        return new LevelPrediction(ToLevel(prediction.Label), prediction.Confidence);
    }

    /// <summary>The class name of a level: its name, or <see cref="Unstated"/>.</summary>
    public static string Label(Level? level) => level is { } known ? LevelVocabulary.Name(known) : Unstated;

    public static Level? ToLevel(string label) => Enum.GetValues<Level>().Where(l => LevelVocabulary.Name(l) == label).Select(l => (Level?)l).FirstOrDefault();
}
