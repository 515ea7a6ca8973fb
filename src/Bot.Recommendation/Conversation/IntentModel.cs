using System.Collections.Concurrent;
using System.Text;
using Bot.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Bot.Recommendation.Conversation;

/// <summary>What the intent model says about one message: its most likely class and that class's probability.</summary>
public readonly record struct IntentPrediction(string Label, float Confidence)
{
    public MessageIntent Intent => IntentLabels.ToIntent(Label);

    public bool IsOtherLanguage => ReferenceEquals(Label, IntentLabels.OtherLanguage) || Label == IntentLabels.OtherLanguage;
}

/// <summary>
/// The trained text classifier (FeaturizeText into a multiclass trainer, see <see cref="IntentModelTrainer"/>).
/// Safe to share between threads: a <see cref="PredictionEngine{TSrc,TDst}"/> is not, so each call borrows one
/// from a pool together with its input and output buffers.
/// </summary>
public sealed class IntentModel
{
    public const string EmbeddedResourceName = "Bot.Recommendation.intent.zip";

    private readonly ITransformer _model;
    private readonly MLContext _ml;
    private readonly string[] _labels;
    private readonly ConcurrentBag<Slot> _pool = [];

    public IntentModel(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        _ml = ml;
        _model = model;
        var scores = model.GetOutputSchema(inputSchema)["Score"];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        scores.GetSlotNames(ref names);
        // Interned so that callers can compare labels with the IntentLabels constants without allocating.
        _labels = names.DenseValues().Select(n => IntentLabels.All.FirstOrDefault(l => n.Span.SequenceEqual(l)) ?? n.ToString()).ToArray();
    }

    public ITransformer Transformer => _model;

    /// <summary>The model shipped inside this assembly (data/models/intent.zip at build time).</summary>
    public static IntentModel LoadEmbedded() => LoadEmbedded(EmbeddedResourceName, "intent");

    /// <summary>
    /// A model of this kind (the intent, topic or level model) built into this assembly from data/models/&lt;name&gt;.zip;
    /// a build without the file says how to make it.
    /// </summary>
    internal static IntentModel LoadEmbedded(string resourceName, string name)
    {
        using var stream = typeof(IntentModel).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The {name} model is missing: run `dotnet run -c Release --project src/Bot -- model train` to build data/models/{name}.zip, then rebuild.");
        return Load(stream);
    }

    public static IntentModel Load(Stream stream)
    {
        var ml = new MLContext(seed: IntentModelTrainer.Seed);
        var model = ml.Model.Load(stream, out var schema);
        return new IntentModel(ml, model, schema);
    }

    public static IntentModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <param name="facts">The message's <see cref="MessageFacts.Features"/>.</param>
    /// <param name="meaning">The message's <see cref="MessageFacts.Meaning"/>, for a model trained with it.</param>
    public IntentPrediction Predict(string text, float[] facts, float[]? meaning = null) => PredictModelText(ModelText(text), facts, meaning);

    /// <summary>
    /// For a model of the text alone (the level and topic models, <see cref="IntentModelTrainer.TrainText"/>): a text
    /// already through <see cref="ModelText"/>, no exact facts, placed by <paramref name="meaning"/> for a model trained with it.
    /// </summary>
    public IntentPrediction PredictText(string modelText, WordVectors? meaning) =>
        PredictModelText(modelText, NoFacts, meaning is null ? null : MessageFacts.Place(modelText, meaning));

    /// <summary>The facts of a model of the text alone: all zero, for training (<see cref="IntentModelTrainer.TrainText"/>) and prediction alike.</summary>
    internal static readonly float[] NoFacts = new float[MessageFacts.FeatureCount];

    /// <summary><see cref="Predict"/> for a text already through <see cref="ModelText"/> (<see cref="MessageFacts.ModelText"/>).</summary>
    public IntentPrediction PredictModelText(string modelText, float[] facts, float[]? meaning = null)
    {
        if (!_pool.TryTake(out var slot))
        {
            slot = new Slot(_ml.Model.CreatePredictionEngine<IntentModelInput, IntentModelOutput>(_model));
        }

        try
        {
            slot.Input.Text = modelText;
            slot.Input.Facts = facts;
            slot.Input.Meaning = meaning ?? IntentModelInput.NoMeaning;
            slot.Engine.Predict(slot.Input, ref slot.Output);
            var scores = slot.Output.Score;
            var best = 0;
            for (var i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[best])
                {
                    best = i;
                }
            }

            return new IntentPrediction(_labels[best], scores[best]);
        }
        finally
        {
            _pool.Add(slot);
        }
    }

    /// <summary>
    /// What the model reads: mentions of the bot removed (the Addressed feature carries them) and every run of
    /// whitespace one space, so that a line break reads like the space the writer meant.
    /// </summary>
    public static string ModelText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '@' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
                {
                    i++;
                }

                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c == '<' && i + 1 < text.Length && text[i + 1] == '@' && text.IndexOf('>', i) is var end and > 0)
            {
                i = end;
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private sealed class Slot(PredictionEngine<IntentModelInput, IntentModelOutput> engine)
    {
        public readonly PredictionEngine<IntentModelInput, IntentModelOutput> Engine = engine;
        public readonly IntentModelInput Input = new();
        public IntentModelOutput Output = new();
    }
}

/// <summary>The model's input row; the label is only read when training.</summary>
public sealed class IntentModelInput
{
    public string Text { get; set; } = string.Empty;

    [VectorType(MessageFacts.FeatureCount)]
    public float[] Facts { get; set; } = [];

    /// <summary>The message by meaning (<see cref="MessageFacts.Meaning"/>); only a model trained with it reads it.</summary>
    [VectorType(MessageFacts.MeaningDimensions)]
    public float[] Meaning { get; set; } = NoMeaning;

    internal static readonly float[] NoMeaning = new float[MessageFacts.MeaningDimensions];

    public string Label { get; set; } = string.Empty;
}

public sealed class IntentModelOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
