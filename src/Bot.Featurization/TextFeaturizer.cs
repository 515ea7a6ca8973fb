using System.Collections;
using System.Collections.ObjectModel;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Bot.Featurization;

/// <summary>
/// A fitted text featurizer that reproduces the semantics of ML.NET's <c>TextFeaturizingEstimator</c>
/// (<c>mlContext.Transforms.Text.FeaturizeText</c>), written here because ML.NET cannot be restored in this build.
/// </summary>
/// <remarks>
/// <para>Pipeline, as in ML.NET: <see cref="TextNormalizer"/> (case, diacritics, punctuation, numbers) →
/// split into tokens at white space → optional stop-word removal → (extension) optional stemming →
/// word n-grams; and, from the normalised text, a character stream wrapped in U+0002/U+0003 markers →
/// character n-grams, so the spaces between words are part of the character n-grams.
/// Each block is weighted (Tf, Idf or TfIdf with idf = ln(N/df)), normalised on its own
/// (<see cref="TextFeaturizerOptions.Norm"/>), and the two are joined, character block first as in ML.NET.
/// N-grams not seen by <see cref="Fit(IEnumerable{string}, TextFeaturizerOptions)"/> are dropped.</para>
/// <para>Differences from ML.NET are listed in the project's README (tokens split at any white space, not only at ' ';
/// a wider diacritic table; our own English stop-word list; zero-weight slots are left out of the sparse output).</para>
/// <para>Immutable after fitting: <see cref="Transform"/> may be called from many threads at once.</para>
/// </remarks>
public sealed class TextFeaturizer
{
    private readonly TextAnalyzer _analyzer;
    private readonly Block? _chars;
    private readonly Block? _words;
    private readonly double[] _idf;

    private TextFeaturizer(TextFeaturizerOptions options, int documentCount, Block? chars, Block? words, double[] idf)
    {
        Options = options;
        DocumentCount = documentCount;
        _analyzer = new TextAnalyzer(options);
        _chars = chars;
        _words = words;
        _idf = idf;
        CharFeatureCount = chars?.Count ?? 0;
        WordFeatureCount = words?.Count ?? 0;

        CharVocabulary = new ReadOnlyDictionary<string, int>(chars?.Vocabulary ?? []);
        WordVocabulary = new OffsetVocabulary(words?.Vocabulary ?? [], CharFeatureCount);
        InverseDocumentFrequency = Array.AsReadOnly(_idf);
    }

    /// <summary>The options the featurizer was fitted with.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>N: how many documents the featurizer was fitted on.</summary>
    public int DocumentCount { get; }

    /// <summary>The length of every vector <see cref="Transform"/> returns: character slots then word slots.</summary>
    public int Dimension => CharFeatureCount + WordFeatureCount;

    /// <summary>How many character n-grams the vocabulary holds; they occupy indices [0, CharFeatureCount).</summary>
    public int CharFeatureCount { get; }

    /// <summary>How many word n-grams the vocabulary holds; they occupy indices [CharFeatureCount, Dimension).</summary>
    public int WordFeatureCount { get; }

    /// <summary>Character n-gram → feature index. Indices follow first appearance in the corpus, as in ML.NET.</summary>
    public IReadOnlyDictionary<string, int> CharVocabulary { get; }

    /// <summary>Word n-gram (tokens joined by single spaces) → feature index. Indices follow first appearance in the corpus.</summary>
    public IReadOnlyDictionary<string, int> WordVocabulary { get; }

    /// <summary>ln(N / df) for every feature index; computed whatever the weighting.</summary>
    public IReadOnlyList<double> InverseDocumentFrequency { get; }

    /// <summary>Fits a featurizer with ML.NET's default options.</summary>
    public static TextFeaturizer Fit(IEnumerable<string?> corpus) => Fit(corpus, new TextFeaturizerOptions());

    /// <summary>
    /// Builds the vocabularies and document frequencies from <paramref name="corpus"/>; null documents count as empty ones.
    /// </summary>
    public static TextFeaturizer Fit(IEnumerable<string?> corpus, TextFeaturizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var analyzer = new TextAnalyzer(options);
        var chars = options.CharFeatureExtractor is { } charOptions ? new BlockBuilder(charOptions) : null;
        var words = options.WordFeatureExtractor is { } wordOptions ? new BlockBuilder(wordOptions) : null;

        var documentCount = 0;
        using var buffers = new AnalysisBuffers();
        foreach (var text in corpus)
        {
            analyzer.Analyze(text, buffers);
            if (chars is not null)
            {
                chars.Document = documentCount;
                WalkChars(buffers, chars.Options, chars);
            }

            if (words is not null)
            {
                words.Document = documentCount;
                WalkWords(buffers, words.Options, words);
            }

            documentCount++;
        }

        var charCount = chars?.Count ?? 0;
        var idf = new double[charCount + (words?.Count ?? 0)];
        chars?.WriteInverseDocumentFrequencies(idf.AsSpan(0, charCount), documentCount);
        words?.WriteInverseDocumentFrequencies(idf.AsSpan(charCount), documentCount);
        return new TextFeaturizer(options, documentCount, chars?.Build(), words?.Build(), idf);
    }

    /// <summary>
    /// Featurizes one text: sorted indices in [0, <see cref="Dimension"/>) with their weights; slots whose weight is
    /// zero (n-grams absent from the text, or with idf 0 under Idf/TfIdf) are left out. Never throws for any string.
    /// </summary>
    public SparseVector Transform(string? text)
    {
        using var buffers = new AnalysisBuffers();
        _analyzer.Analyze(text, buffers);

        var indices = new List<int>();
        var values = new List<float>();
        if (_chars is not null)
        {
            var collector = new GramCollector(_chars);
            WalkChars(buffers, _chars.Options, collector);
            AppendBlock(collector.Ids, _chars.Options.Weighting, 0, indices, values);
        }

        if (_words is not null)
        {
            var collector = new GramCollector(_words);
            WalkWords(buffers, _words.Options, collector);
            AppendBlock(collector.Ids, _words.Options.Weighting, CharFeatureCount, indices, values);
        }

        return SparseVector.FromTrusted([.. indices], [.. values]);
    }

    /// <summary>Describes the feature at <paramref name="index"/>.</summary>
    public NgramFeature GetFeature(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dimension);
        return index < CharFeatureCount
            ? new NgramFeature(FeatureBlock.Char, _chars!.Grams[index], _idf[index])
            : new NgramFeature(FeatureBlock.Word, _words!.Grams[index - CharFeatureCount], _idf[index]);
    }

    private static void WalkChars<TSink>(AnalysisBuffers buffers, NgramExtractorOptions options, TSink sink)
        where TSink : INgramSink =>
        new NgramWalker<CharUnits, TSink>(
            buffers.CharText.AsSpan(0, buffers.CharLength), new CharUnits(buffers.CharLength), null, options, buffers.Scratch, buffers.Positions, sink)
            .Walk();

    private static void WalkWords<TSink>(AnalysisBuffers buffers, NgramExtractorOptions options, TSink sink)
        where TSink : INgramSink =>
        new NgramWalker<TokenUnits, TSink>(
            buffers.WordText.AsSpan(0, buffers.WordLength), buffers.Tokens, TextAnalyzer.TokenSeparator, options, buffers.Scratch, buffers.Positions, sink)
            .Walk();

    private void AppendBlock(List<int> ids, WeightingCriteria weighting, int offset, List<int> indices, List<float> values)
    {
        var blockStart = values.Count;
        var sorted = CollectionsMarshal.AsSpan(ids);
        sorted.Sort();
        var i = 0;
        while (i < sorted.Length)
        {
            var id = sorted[i];
            var run = i;
            while (i < sorted.Length && sorted[i] == id)
            {
                i++;
            }

            var count = i - run;
            var idf = _idf[offset + id];
            var weight = weighting switch
            {
                WeightingCriteria.Idf => (float)idf,
                WeightingCriteria.TfIdf => (float)(count * idf),
                _ => count,
            };

            if (weight != 0f)
            {
                indices.Add(offset + id);
                values.Add(weight);
            }
        }

        Normalize(CollectionsMarshal.AsSpan(values)[blockStart..], Options.Norm);
    }

    private static void Normalize(Span<float> block, NormFunction norm)
    {
        if (block.IsEmpty || norm == NormFunction.None)
        {
            return;
        }

        var scale = norm switch
        {
            NormFunction.L1 => TensorPrimitives.SumOfMagnitudes<float>(block),
            NormFunction.Infinity => TensorPrimitives.MaxMagnitude<float>(block),
            _ => TensorPrimitives.Norm<float>(block),
        };

        if (scale > 0f && float.IsFinite(scale))
        {
            TensorPrimitives.Divide(block, Math.Abs(scale), block);
        }
    }

    /// <summary>One block's fitted vocabulary.</summary>
    private sealed class Block(NgramExtractorOptions options, Dictionary<string, int> vocabulary, List<string> grams)
    {
        public NgramExtractorOptions Options => options;

        public Dictionary<string, int> Vocabulary => vocabulary;

        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
            vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<string> Grams => grams;

        public int Count => grams.Count;
    }

    /// <summary>Grows one block's vocabulary and document frequencies while fitting.</summary>
    private sealed class BlockBuilder : INgramSink
    {
        private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<string> _grams = [];
        private readonly List<int> _documentFrequency = [];
        private readonly List<int> _lastDocument = [];
        private readonly int[] _countPerLength;

        public BlockBuilder(NgramExtractorOptions options)
        {
            Options = options;
            _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
            _countPerLength = new int[options.NgramLength];
        }

        public NgramExtractorOptions Options { get; }

        public int Document { get; set; }

        public void Accept(ReadOnlySpan<char> gram, int length)
        {
            if (_lookup.TryGetValue(gram, out var id))
            {
                if (_lastDocument[id] != Document)
                {
                    _lastDocument[id] = Document;
                    _documentFrequency[id]++;
                }

                return;
            }

            if (_countPerLength[length - 1] >= Options.MaximumNgramsCount)
            {
                return;
            }

            _countPerLength[length - 1]++;
            var text = gram.ToString();
            _vocabulary.Add(text, _grams.Count);
            _grams.Add(text);
            _documentFrequency.Add(1);
            _lastDocument.Add(Document);
        }

        public int Count => _grams.Count;

        public void WriteInverseDocumentFrequencies(Span<double> idf, int documentCount)
        {
            for (var i = 0; i < idf.Length; i++)
            {
                idf[i] = Math.Log((double)documentCount / _documentFrequency[i]);
            }
        }

        public Block Build() => new(Options, _vocabulary, _grams);
    }

    /// <summary>Collects the block-local ids of the known n-grams of one text.</summary>
    private sealed class GramCollector(Block block) : INgramSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup = block.Lookup;

        public List<int> Ids { get; } = [];

        public void Accept(ReadOnlySpan<char> gram, int length)
        {
            if (_lookup.TryGetValue(gram, out var id))
            {
                Ids.Add(id);
            }
        }
    }

    /// <summary>A block-local vocabulary seen through the block's offset in the joined vector.</summary>
    private sealed class OffsetVocabulary(Dictionary<string, int> vocabulary, int offset) : IReadOnlyDictionary<string, int>
    {
        public int this[string key] => vocabulary[key] + offset;

        public IEnumerable<string> Keys => vocabulary.Keys;

        public IEnumerable<int> Values => vocabulary.Values.Select(v => v + offset);

        public int Count => vocabulary.Count;

        public bool ContainsKey(string key) => vocabulary.ContainsKey(key);

        public bool TryGetValue(string key, out int value)
        {
            var found = vocabulary.TryGetValue(key, out value);
            value = found ? value + offset : default;
            return found;
        }

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator() =>
            vocabulary.Select(pair => new KeyValuePair<string, int>(pair.Key, pair.Value + offset)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
