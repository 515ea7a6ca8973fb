using System.Numerics.Tensors;

namespace Bot.Featurization;

/// <summary>
/// One collection's vectors over the shared slots of an <see cref="NgramCounter"/>: the same vectors a fit of
/// <see cref="MlNetTextFeaturizer"/> on that collection alone gives (up to the last bits of the floats), computed
/// from ML.NET's counts with ML.NET's own weighting.
/// </summary>
/// <remarks>
/// <para>The space keeps only the n-grams that occur in the collection, in the shared order, and weights each as
/// ML.NET's n-gram extractor does: idf = ln(N / df) in double precision over the collection's N documents (empty
/// ones included), a value of (float)(count × idf). Each block (characters, then words) is then normalised on its
/// own as <see cref="TextFeaturizerOptions.Norm"/> says, and the whole vector scaled to unit L2 norm.</para>
/// <para>For the first collection of the shared fit the slots are numbered exactly as its own fit numbers them;
/// for the others only the numbering differs, which no similarity depends on.</para>
/// </remarks>
public sealed class TfIdfSpace
{
    private readonly NgramCounter _counter;

    // The shared slots of the collection's n-grams, increasing; an n-gram's slot in this space is its position here.
    private readonly int[] _sharedSlots;

    // By slot of this space: how many documents hold the n-gram. Its idf is computed when needed (four bytes, not eight, a slot).
    private readonly int[] _documentFrequency;
    private readonly int _charSlotCount;

    private TfIdfSpace(NgramCounter counter, int[] sharedSlots, int[] documentFrequency, int charSlotCount, int documentCount)
    {
        _counter = counter;
        _sharedSlots = sharedSlots;
        _documentFrequency = documentFrequency;
        _charSlotCount = charSlotCount;
        DocumentCount = documentCount;
    }

    /// <summary>How many documents the space was fitted on.</summary>
    public int DocumentCount { get; }

    /// <summary>How many distinct n-grams the collection holds; every index of its vectors is below it.</summary>
    public int Dimension => _sharedSlots.Length;

    /// <summary>Weights the collection <paramref name="documents"/> (counts from <paramref name="counter"/>) and returns their vectors.</summary>
    /// <exception cref="ArgumentException">A document was counted by another counter.</exception>
    public static (TfIdfSpace Space, SparseVector[] Vectors) Fit(NgramCounter counter, IReadOnlyList<NgramCounts> documents)
    {
        var (space, weighed) = FitWeighed(counter, documents, keepCounts: false);
        return (space, [.. weighed.Select(document => document.Vector)]);
    }

    /// <summary>
    /// <see cref="Fit"/>, and an inverted index of the vectors (<see cref="SparseVectorIndex"/>, document ids their
    /// positions) that keeps each posting as the n-gram's count rather than its weight where that gives the same
    /// weight to the last bit: a byte per posting instead of four.
    /// </summary>
    /// <exception cref="ArgumentException">A document was counted by another counter.</exception>
    public static (TfIdfSpace Space, SparseVector[] Vectors, SparseVectorIndex Index) FitIndexed(NgramCounter counter, IReadOnlyList<NgramCounts> documents)
    {
        var (space, weighed) = FitWeighed(counter, documents, keepCounts: counter.Options.Weighting == WeightingCriteria.TfIdf);
        var vectors = weighed.Select(document => document.Vector).ToArray();
        if (counter.Options.Weighting != WeightingCriteria.TfIdf)
        {
            return (space, vectors, new SparseVectorIndex(vectors));
        }

        var factors = new PostingFactors(
            space,
            space._charSlotCount,
            [.. weighed.Select(document => document.Counts!)],
            [.. weighed.Select(document => new DocumentScale(document.CharScale, document.WordScale, document.Norm, document.Vector.Norm()))]);
        return (space, vectors, new SparseVectorIndex(vectors, factors));
    }

    private static (TfIdfSpace Space, Weighed[] Documents) FitWeighed(NgramCounter counter, IReadOnlyList<NgramCounts> documents, bool keepCounts)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(documents);
        var documentFrequency = new int[counter.Dimension];
        foreach (var document in documents)
        {
            CheckCounter(counter, document);
            foreach (var slot in document.Counts.Indices)
            {
                documentFrequency[slot]++;
            }
        }

        var sharedSlots = new List<int>();
        var frequencies = new List<int>();
        var charSlotCount = 0;
        for (var slot = 0; slot < documentFrequency.Length; slot++)
        {
            var frequency = documentFrequency[slot];
            if (frequency == 0)
            {
                documentFrequency[slot] = -1;
                continue;
            }

            // From here on the array maps a shared slot to its slot in this space.
            documentFrequency[slot] = sharedSlots.Count;
            sharedSlots.Add(slot);
            frequencies.Add(frequency);
            if (slot < counter.CharSlotCount)
            {
                charSlotCount++;
            }
        }

        var space = new TfIdfSpace(counter, [.. sharedSlots], [.. frequencies], charSlotCount, documents.Count);
        var localSlots = documentFrequency;
        var weighed = new Weighed[documents.Count];
        for (var d = 0; d < weighed.Length; d++)
        {
            weighed[d] = space.Weigh(documents[d].Counts, slot => localSlots[slot], keepCounts);
        }

        return (space, weighed);
    }

    /// <summary>The vector of a text counted by this space's counter: unit L2 norm, or empty when it holds none of the collection's n-grams.</summary>
    /// <exception cref="ArgumentException">The counts come from another counter.</exception>
    public SparseVector Transform(NgramCounts counts)
    {
        CheckCounter(_counter, counts);
        return Weigh(counts.Counts, slot => Array.BinarySearch(_sharedSlots, slot) is var local and >= 0 ? local : -1, keepCounts: false).Vector;
    }

    private static void CheckCounter(NgramCounter counter, NgramCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!ReferenceEquals(counts.Counter, counter))
        {
            throw new ArgumentException("The counts come from another n-gram counter than this space's.", nameof(counts));
        }
    }

    // The vector, and the numbers it was made of: each block's scale, the final divisor and (for an index that keeps
    // counts, not for a query) each kept entry's count.
    private Weighed Weigh(SparseVector counts, Func<int, int> localSlotOf, bool keepCounts)
    {
        var indices = new int[counts.Count];
        var values = new float[counts.Count];
        var entryCounts = keepCounts ? new float[counts.Count] : null;
        var n = 0;
        var charEnd = 0;
        var weighting = _counter.Options.Weighting;
        for (var i = 0; i < counts.Count; i++)
        {
            var local = localSlotOf(counts.Indices[i]);
            if (local < 0)
            {
                continue;
            }

            var count = counts.Values[i];
            if (entryCounts is not null)
            {
                entryCounts[n] = count;
            }

            indices[n] = local;
            values[n++] = weighting switch
            {
                WeightingCriteria.TfIdf => (float)(count * Idf(local)),
                WeightingCriteria.Idf => count >= 1 ? (float)Idf(local) : 0f,
                _ => count,
            };
            if (local < _charSlotCount)
            {
                charEnd = n;
            }
        }

        var charScale = NormalizeBlock(values.AsSpan(0, charEnd), _counter.Options.Norm);
        var wordScale = NormalizeBlock(values.AsSpan(charEnd, n - charEnd), _counter.Options.Norm);

        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (values[i] != 0f && float.IsFinite(values[i]))
            {
                indices[kept] = indices[i];
                if (entryCounts is not null)
                {
                    entryCounts[kept] = entryCounts[i];
                }

                values[kept++] = values[i];
            }
        }

        var outIndices = indices.AsSpan(0, kept).ToArray();
        var outValues = values.AsSpan(0, kept).ToArray();
        var norm = TensorPrimitives.Norm<float>(outValues);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(outValues, norm, outValues);
        }

        // Multiplying by one and dividing by one leave every float as it is, so a block or vector left alone has scale one.
        return new Weighed(SparseVector.FromTrusted(outIndices, outValues), entryCounts?.AsSpan(0, kept).ToArray(), charScale, wordScale, norm > 0f ? norm : 1f);
    }

    // Returns the factor the block was multiplied by (one when it was left alone).
    private static float NormalizeBlock(Span<float> block, NormFunction norm)
    {
        var divisor = norm switch
        {
            NormFunction.L1 => TensorPrimitives.SumOfMagnitudes<float>(block),
            NormFunction.L2 => TensorPrimitives.Norm<float>(block),
            NormFunction.Infinity => block.IsEmpty ? 0f : TensorPrimitives.MaxMagnitude<float>(block),
            _ => 0f,
        };
        if (divisor > 0f)
        {
            // As ML.NET's L2 normaliser does: a multiplication by the inverse (a division would differ in the last bit).
            TensorPrimitives.Multiply(block, 1f / divisor, block);
            return 1f / divisor;
        }

        return 1f;
    }

    /// <summary>The idf of the n-gram at <paramref name="slot"/> of this space: ln(N / df) in double.</summary>
    internal double Idf(int slot) => Math.Log((double)DocumentCount / _documentFrequency[slot]);

    private sealed record Weighed(SparseVector Vector, float[]? Counts, float CharScale, float WordScale, float Norm);
}
