using Bot.Catalog;
using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Understanding;

/// <summary>The level a request implies, and the model's probability for it; a null level means the request states none.</summary>
public readonly record struct LevelPrediction(Level? Level, float Confidence);

/// <summary>
/// The level a free-text request implies when it says so in its own words ("I'm totally new to this", "no math
/// please", "grad student preparing quals", "I already run kafka in prod"): a text classifier over four classes,
/// the three levels and "unstated", trained on the judged requests (see Bot.Application's LevelModelTrainer). The
/// same kind of model as the intent and topic models (FeaturizeText into a multiclass trainer), text alone.
/// </summary>
public sealed class LevelModel
{
    public const string EmbeddedResourceName = "Bot.Recommendation.level.zip";

    /// <summary>The class of a request that states no level.</summary>
    public const string Unstated = "unstated";

    private static readonly float[] NoFacts = new float[MessageFacts.FeatureCount];

    private readonly IntentModel? _model;

    public LevelModel(IntentModel model) => _model = model;

    private LevelModel() => _model = null;

    /// <summary>Reads no level: only exact level words count.</summary>
    public static LevelModel None { get; } = new();

    /// <summary>The classifier inside, for saving and measuring; null for <see cref="None"/>.</summary>
    public IntentModel? Classifier => _model;

    /// <summary>The model shipped inside this assembly (data/models/level.zip at build time).</summary>
    public static LevelModel LoadEmbedded()
    {
        using var stream = typeof(LevelModel).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException("The level model is missing: run `dotnet run -c Release --project src/Bot -- model train-intent` to build data/models/level.zip, then rebuild.");
        return new LevelModel(IntentModel.Load(stream));
    }

    /// <summary>A model file written by the trainer (data/models/level.zip).</summary>
    public static LevelModel Load(string path) => new(IntentModel.Load(path));

    /// <summary>The most likely level of <paramref name="text"/> (null: unstated) and its probability; unstated for <see cref="None"/> or an empty text.</summary>
    public LevelPrediction Predict(string text)
    {
        if (_model is null || string.IsNullOrWhiteSpace(text))
        {
            return new LevelPrediction(null, 1f);
        }

        var prediction = _model.Predict(text, NoFacts);
        return new LevelPrediction(ToLevel(prediction.Label), prediction.Confidence);
    }

    /// <summary>The class name of a level: its name, or <see cref="Unstated"/>.</summary>
    public static string Label(Level? level) => level is { } known ? LevelVocabulary.Name(known) : Unstated;

    public static Level? ToLevel(string label) => label switch
    {
        "beginner" => Level.Beginner,
        "intermediate" => Level.Intermediate,
        "advanced" => Level.Advanced,
        _ => null,
    };
}
