using System.IO.Compression;
using System.Numerics.Tensors;
using System.Text;

namespace Bot.Featurization;

/// <summary>
/// Word vectors that place a text by meaning rather than by its exact words, so that "keeping a live list of which
/// workers are in the pool" lands near the texts on group membership although it shares no word with them.
/// </summary>
/// <remarks>
/// <para>Each word's vector is the mean sentence embedding of the texts that contain it, less the mean of all texts:
/// a sentence encoder (run once, offline, by Bot.WordVectorBuilder) reads whole texts, and each word keeps what the
/// texts holding it have in common. A text is then the rarity-weighted sum of its words' vectors, so placing one
/// costs a few additions instead of a neural network's forward pass.</para>
/// <para>Words are the <see cref="TextAnalyzer"/>'s tokens without its function words, the same for the texts the
/// vectors were built from and for every text placed later. Vectors are stored as signed bytes with one scale per
/// word: the cosines this feeds change by well under 1 % against the full floats.</para>
/// </remarks>
public sealed class WordVectors
{
    private const string Magic = "BWV1";

    private readonly Dictionary<string, int> _rowByWord;

    // Each word's vector is its bytes times its scale, turned into floats only while a text is placed.
    private readonly sbyte[] _bytes;
    private readonly float[] _scales;
    private readonly float[] _weights;
    private readonly int[] _documentFrequencies;

    private WordVectors(int dimensions, int textCount, Dictionary<string, int> rowByWord, sbyte[] bytes, float[] scales, int[] documentFrequencies)
    {
        Dimensions = dimensions;
        TextCount = textCount;
        _rowByWord = rowByWord;
        _bytes = bytes;
        _scales = scales;
        _documentFrequencies = documentFrequencies;
        _weights = [.. documentFrequencies.Select(df => (float)Math.Log((textCount + 1.0) / (df + 1.0)))];
    }

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>How many texts the vectors were built from.</summary>
    public int TextCount { get; }

    /// <summary>How many words have a vector.</summary>
    public int WordCount => _rowByWord.Count;

    /// <summary>The words of <paramref name="text"/> that can carry a vector: normalised tokens without function words.</summary>
    public static IEnumerable<string> WordsOf(string? text) => TextAnalyzer.Tokens(text).Where(token => !TextAnalyzer.IsFunctionWord(token));

    /// <summary>True when <paramref name="word"/> (a normalised token) has a vector.</summary>
    public bool Knows(string word) => _rowByWord.ContainsKey(word);

    /// <summary>
    /// Builds the vectors from texts and their sentence embeddings (all of one length). Words found in fewer than
    /// <paramref name="minimumTexts"/> texts are left out.
    /// </summary>
    public static WordVectors Build(IReadOnlyList<(string Text, float[] Embedding)> texts, int minimumTexts = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            throw new ArgumentException("Word vectors need at least one text.", nameof(texts));
        }

        var dimensions = texts[0].Embedding.Length;
        if (dimensions == 0 || texts.Any(t => t.Embedding.Length != dimensions))
        {
            throw new ArgumentException("Every embedding must have the same, non-zero length.", nameof(texts));
        }

        var mean = new float[dimensions];
        var sums = new Dictionary<string, (float[] Sum, int Count)>(StringComparer.Ordinal);
        foreach (var (text, embedding) in texts)
        {
            TensorPrimitives.Add(mean, embedding, mean);
            foreach (var word in WordsOf(text).Distinct(StringComparer.Ordinal))
            {
                var (sum, count) = sums.TryGetValue(word, out var found) ? found : (new float[dimensions], 0);
                TensorPrimitives.Add(sum, embedding, sum);
                sums[word] = (sum, count + 1);
            }
        }

        TensorPrimitives.Divide(mean, texts.Count, mean);
        var kept = sums.Where(pair => pair.Value.Count >= minimumTexts).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();
        var rows = new Dictionary<string, int>(kept.Length, StringComparer.Ordinal);
        var bytes = new sbyte[kept.Length * dimensions];
        var scales = new float[kept.Length];
        var frequencies = new int[kept.Length];
        var vector = new float[dimensions];
        for (var row = 0; row < kept.Length; row++)
        {
            var (word, (sum, count)) = (kept[row].Key, kept[row].Value);
            TensorPrimitives.Divide(sum, count, vector);
            TensorPrimitives.Subtract(vector, mean, vector);
            scales[row] = Quantize(vector, bytes.AsSpan(row * dimensions, dimensions));
            rows[word] = row;
            frequencies[row] = count;
        }

        return new WordVectors(dimensions, texts.Count, rows, bytes, scales, frequencies);
    }

    /// <summary>
    /// The unit-length, rarity-weighted sum of the vectors of the text's known words, written into
    /// <paramref name="destination"/> (of <see cref="Dimensions"/> floats); false, and all zeros, when it has none.
    /// </summary>
    public bool TryEmbed(string? text, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"The destination must hold {Dimensions} floats.", nameof(destination));
        }

        destination.Clear();
        var any = false;
        Span<float> vector = stackalloc float[Dimensions];
        foreach (var word in WordsOf(text))
        {
            if (_rowByWord.TryGetValue(word, out var row))
            {
                var bytes = _bytes.AsSpan(row * Dimensions, Dimensions);
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] = bytes[i] * _scales[row];
                }

                TensorPrimitives.MultiplyAdd(vector, _weights[row], destination, destination);
                any = true;
            }
        }

        var norm = TensorPrimitives.Norm(destination);
        if (!any || norm == 0)
        {
            destination.Clear();
            return false;
        }

        TensorPrimitives.Divide(destination, norm, destination);
        return true;
    }

    /// <summary><see cref="TryEmbed"/> into a new array: all zeros when the text has no known word.</summary>
    public float[] Embed(string? text)
    {
        var vector = new float[Dimensions];
        TryEmbed(text, vector);
        return vector;
    }

    /// <summary>Writes the vectors (gzip; each word's vector as signed bytes with one scale).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(Dimensions);
        writer.Write(TextCount);
        writer.Write(WordCount);
        foreach (var (word, row) in _rowByWord.OrderBy(pair => pair.Value))
        {
            writer.Write(word);
            writer.Write(_documentFrequencies[row]);
            writer.Write(_scales[row]);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_bytes.AsSpan(row * Dimensions, Dimensions)));
        }
    }

    /// <summary>Reads vectors written by <see cref="Save"/>; a clear error when the stream holds something else.</summary>
    public static WordVectors Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zip, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
            {
                throw new InvalidDataException("Not a word-vector file (it must start with the BWV1 header).");
            }

            var dimensions = reader.ReadInt32();
            var textCount = reader.ReadInt32();
            var wordCount = reader.ReadInt32();
            if (dimensions <= 0 || textCount <= 0 || wordCount < 0)
            {
                throw new InvalidDataException($"A word-vector file with {dimensions} dimensions, {textCount} texts and {wordCount} words cannot be used.");
            }

            var rows = new Dictionary<string, int>(wordCount, StringComparer.Ordinal);
            var bytes = new sbyte[wordCount * dimensions];
            var scales = new float[wordCount];
            var frequencies = new int[wordCount];
            for (var row = 0; row < wordCount; row++)
            {
                var word = reader.ReadString();
                frequencies[row] = reader.ReadInt32();
                scales[row] = reader.ReadSingle();
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bytes.AsSpan(row * dimensions, dimensions)));
                rows.Add(word, row);
            }

            return new WordVectors(dimensions, textCount, rows, bytes, scales, frequencies);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The word-vector file ends early.", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="vector"/> as signed bytes whose largest magnitude is 127 and returns the scale that
    /// multiplies them back (1 for a zero vector): how vectors are stored here and by the indexes built on them.
    /// </summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        if (destination.Length != vector.Length)
        {
            throw new ArgumentException("The destination must be as long as the vector.", nameof(destination));
        }

        var largest = Math.Abs(TensorPrimitives.MaxMagnitude(vector));
        var scale = largest > 0 ? largest / sbyte.MaxValue : 1f;
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = (sbyte)Math.Round(vector[i] / scale);
        }

        return scale;
    }
}
