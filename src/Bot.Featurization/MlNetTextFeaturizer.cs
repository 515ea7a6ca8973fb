using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Bot.Featurization;

/// <summary>
/// Text → <see cref="SparseVector"/> through ML.NET's <c>TextFeaturizingEstimator</c> (<c>FeaturizeText</c>),
/// fitted on a set of documents. Nothing of ML.NET leaves this class.
/// </summary>
/// <remarks>
/// <para>Every text first goes through <see cref="TextAnalyzer"/> (case, diacritics, punctuation and every kind of
/// white space become single spaces, grammar words dropped), because ML.NET splits words only at ' ' and folds
/// fewer diacritics than we do; ML.NET's own normaliser is then told to leave the text alone.</para>
/// <para>The returned vectors hold ML.NET's character block followed by its word block (each normalised on its own
/// as the options say), scaled to unit L2 norm as a whole so that a dot product is a cosine. N-grams the fit never
/// saw are dropped.</para>
/// <para>Thread safety: a <c>PredictionEngine</c> must not be shared between threads, so each call to
/// <see cref="Transform"/> borrows one from a pool and returns it; the pool grows to the number of concurrent callers.</para>
/// </remarks>
public sealed class MlNetTextFeaturizer
{
    private const string TextColumn = nameof(TextRow.Text);
    private const string FeaturesColumn = nameof(FeatureRow.Features);

    private readonly TextFeaturizerOptions _options;
    private readonly MLContext? _context;
    private readonly ITransformer? _model;
    private readonly ConcurrentBag<Engine> _engines = [];
    private readonly Lock _engineCreation = new();

    // False for raw n-gram counts (NgramCounter): ML.NET's values are returned as they are.
    private readonly bool _unitNorm;

    private MlNetTextFeaturizer(TextFeaturizerOptions options, MLContext? context, ITransformer? model, int documentCount, int dimension, bool unitNorm = true)
    {
        _options = options;
        _context = context;
        _model = model;
        _unitNorm = unitNorm;
        DocumentCount = documentCount;
        Dimension = dimension;
    }

    /// <summary>How many documents the featurizer was fitted on.</summary>
    public int DocumentCount { get; }

    /// <summary>The number of slots of ML.NET's output vector (character n-grams, then word n-grams); every index is below it.</summary>
    public int Dimension { get; }

    /// <summary>Fits ML.NET's text featurizer on <paramref name="documents"/> (null counts as empty).</summary>
    public static MlNetTextFeaturizer Fit(IReadOnlyList<string?> documents, TextFeaturizerOptions? options = null) =>
        FitCore(documents, options ?? TextFeaturizerOptions.Retrieval, transformDocuments: false).Featurizer;

    /// <summary>Fits on <paramref name="documents"/> and returns their vectors as well, computed in one batch pass.</summary>
    public static (MlNetTextFeaturizer Featurizer, SparseVector[] Vectors) FitTransform(IReadOnlyList<string?> documents, TextFeaturizerOptions? options = null)
    {
        var (featurizer, vectors) = FitCore(documents, options ?? TextFeaturizerOptions.Retrieval, transformDocuments: true);
        return (featurizer, vectors!);
    }

    /// <summary>The text's vector: unit L2 norm, or empty when none of its n-grams was seen while fitting. Never throws for any string.</summary>
    public SparseVector Transform(string? text)
    {
        if (_model is null)
        {
            return SparseVector.Empty;
        }

        return TransformPrepared(Prepare(text, _options));
    }

    /// <summary><see cref="Transform"/> of a text already prepared by <see cref="Prepare"/> with the same options.</summary>
    internal SparseVector TransformPrepared(string prepared)
    {
        if (_model is null || prepared.Length == 0)
        {
            return SparseVector.Empty;
        }

        var engine = RentEngine();
        try
        {
            engine.Input.Text = prepared;
            var output = engine.Output;
            engine.Prediction.Predict(engine.Input, ref output);
            return ToSparse(output.Features, _unitNorm);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>
    /// Vectors of texts already prepared by <see cref="Prepare"/> through a prediction engine of their own, which is
    /// dropped afterwards: the pooled engines that serve queries keep the buffers of the longest text they saw, and
    /// catalog texts are long. Safe to call from several threads at once.
    /// </summary>
    internal SparseVector[] TransformEachPrepared(IReadOnlyList<string> prepared)
    {
        var vectors = new SparseVector[prepared.Count];
        if (_model is null)
        {
            Array.Fill(vectors, SparseVector.Empty);
            return vectors;
        }

        Engine engine;
        lock (_engineCreation)
        {
            engine = new Engine(_context!.Model.CreatePredictionEngine<TextRow, FeatureRow>(_model));
        }

        using (engine.Prediction)
        {
            var output = engine.Output;
            for (var i = 0; i < prepared.Count; i++)
            {
                if (prepared[i].Length == 0)
                {
                    vectors[i] = SparseVector.Empty;
                    continue;
                }

                engine.Input.Text = prepared[i];
                engine.Prediction.Predict(engine.Input, ref output);
                vectors[i] = ToSparse(output.Features, _unitNorm);
            }
        }

        return vectors;
    }

    /// <summary>
    /// Fits ML.NET's text featurizer with the n-grams of <paramref name="options"/> but plain counts (TF, no
    /// normalisation), so that the vectors it returns are the n-gram counts of a text in the fit's slots. The texts are
    /// already prepared by <see cref="Prepare"/> with the same options.
    /// </summary>
    internal static MlNetTextFeaturizer FitCountsPrepared(IReadOnlyList<string> prepared, TextFeaturizerOptions options) =>
        FitCore(prepared, options with { Weighting = WeightingCriteria.Tf, Norm = NormFunction.None }, transformDocuments: false, unitNorm: false, prepared: true).Featurizer;

    private static (MlNetTextFeaturizer Featurizer, SparseVector[]? Vectors) FitCore(
        IReadOnlyList<string?> documents, TextFeaturizerOptions options, bool transformDocuments, bool unitNorm = true, bool prepared = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options.Validate();
        var context = new MLContext(seed: 0);
        var rows = new ReleasableRows(prepared ? [.. documents.Select(text => new TextRow { Text = text ?? string.Empty })] : Rows(documents, options));
        var data = context.Data.LoadFromEnumerable(rows);
        if (rows.AllEmpty)
        {
            // ML.NET cannot fit a vocabulary on no text; such a featurizer knows no n-gram at all.
            var empty = new MlNetTextFeaturizer(options, null, null, documents.Count, 0);
            return (empty, transformDocuments ? [.. documents.Select(_ => SparseVector.Empty)] : null);
        }

        var model = context.Transforms.Text.FeaturizeText(FeaturesColumn, EstimatorOptions(options), TextColumn).Fit(data);
        var transformed = model.Transform(data);
        var dimension = transformed.Schema[FeaturesColumn].Type is VectorDataViewType vector ? vector.Size : 0;
        var featurizer = new MlNetTextFeaturizer(options, context, model, documents.Count, dimension, unitNorm);
        var vectors = transformDocuments ? ReadFeatures(transformed, documents.Count, unitNorm) : null;

        // The fitted text featurizer keeps its training data view as the root of its pipeline; it never reads it
        // again, but would hold every prepared text alive (about 1 KB per document: 100 MB at 100,000 documents).
        rows.Release();
        return (featurizer, vectors);
    }

    private static TextFeaturizingEstimator.Options EstimatorOptions(TextFeaturizerOptions options)
    {
        var weighting = options.Weighting switch
        {
            WeightingCriteria.Idf => NgramExtractingEstimator.WeightingCriteria.Idf,
            WeightingCriteria.TfIdf => NgramExtractingEstimator.WeightingCriteria.TfIdf,
            _ => NgramExtractingEstimator.WeightingCriteria.Tf,
        };
        return new TextFeaturizingEstimator.Options
        {
            // The analyzer has already lower-cased, folded diacritics and removed punctuation and stop words.
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = options.WordNgramLength == 0
                ? null
                : new WordBagEstimator.Options { NgramLength = options.WordNgramLength, UseAllLengths = true, Weighting = weighting },
            CharFeatureExtractor = options.CharNgramLength == 0
                ? null
                : new WordBagEstimator.Options { NgramLength = options.CharNgramLength, UseAllLengths = false, Weighting = weighting },
            Norm = options.Norm switch
            {
                NormFunction.None => TextFeaturizingEstimator.NormFunction.None,
                NormFunction.L1 => TextFeaturizingEstimator.NormFunction.L1,
                NormFunction.Infinity => TextFeaturizingEstimator.NormFunction.Infinity,
                _ => TextFeaturizingEstimator.NormFunction.L2,
            },
        };
    }

    internal static string Prepare(string? text, TextFeaturizerOptions options) =>
        options.RemoveGrammarWords ? TextAnalyzer.IndexText(text) : TextAnalyzer.Normalize(text);

    // Materialised once: ML.NET reads the data view several times while fitting.
    private static TextRow[] Rows(IReadOnlyList<string?> texts, TextFeaturizerOptions options) =>
        [.. texts.Select(text => new TextRow { Text = Prepare(text, options) })];

    private static SparseVector[] ReadFeatures(IDataView transformed, int count, bool unitNorm)
    {
        var vectors = new SparseVector[count];
        var column = transformed.Schema[FeaturesColumn];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            vectors[row++] = ToSparse(buffer, unitNorm);
        }

        return vectors;
    }

    private Engine RentEngine()
    {
        if (_engines.TryTake(out var engine))
        {
            return engine;
        }

        lock (_engineCreation)
        {
            return new Engine(_context!.Model.CreatePredictionEngine<TextRow, FeatureRow>(_model!));
        }
    }

    /// <summary>The non-zero slots of ML.NET's vector, scaled to unit L2 norm when <paramref name="unitNorm"/>.</summary>
    private static SparseVector ToSparse(VBuffer<float> buffer, bool unitNorm)
    {
        var values = buffer.GetValues();
        var indices = buffer.GetIndices();
        var dense = buffer.IsDense;
        var count = 0;
        foreach (var value in values)
        {
            if (value != 0f && float.IsFinite(value))
            {
                count++;
            }
        }

        var outIndices = new int[count];
        var outValues = new float[count];
        var k = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0f && float.IsFinite(values[i]))
            {
                outIndices[k] = dense ? i : indices[i];
                outValues[k++] = values[i];
            }
        }

        var norm = unitNorm ? TensorPrimitives.Norm<float>(outValues) : 0f;
        if (norm > 0f)
        {
            TensorPrimitives.Divide(outValues, norm, outValues);
        }

        return SparseVector.FromTrusted(outIndices, outValues);
    }

    /// <summary>The training rows, which can be dropped once ML.NET has read them (the data view keeps only this wrapper).</summary>
    private sealed class ReleasableRows(TextRow[] rows) : IEnumerable<TextRow>
    {
        private TextRow[] _rows = rows;

        public bool AllEmpty => _rows.All(row => row.Text.Length == 0);

        public void Release() => _rows = [];

        public IEnumerator<TextRow> GetEnumerator() => ((IEnumerable<TextRow>)_rows).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>One prediction engine with its own input and output rows, so their buffers are reused between calls.</summary>
    private sealed class Engine(PredictionEngine<TextRow, FeatureRow> prediction)
    {
        public PredictionEngine<TextRow, FeatureRow> Prediction => prediction;

        public TextRow Input { get; } = new();

        public FeatureRow Output { get; } = new();
    }

    /// <summary>ML.NET's input row: one text column.</summary>
    internal sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }

    /// <summary>ML.NET's output row: the featurized vector.</summary>
    internal sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }
    }
}
