using System.Buffers;
using System.Collections.Concurrent;

namespace Bot.Featurization;

/// <summary>
/// An inverted index over sparse document vectors for cosine retrieval. A query only visits the postings of its
/// own features, so its cost grows with the summed length of those posting lists, not with the collection.
/// </summary>
/// <remarks>
/// Postings are stored column-wise in three flat arrays (where each feature's postings start, document ids, weights),
/// with every document pre-divided by its L2 norm. A document id is stored as its low 16 bits only: each feature's
/// postings are cut into segments of 65,536 documents (one at most 65,536 documents, two at 100,000), and the segment
/// gives the high bits, so a posting costs 6 bytes instead of 8 and is read without decoding. An index built by
/// <see cref="TfIdfSpace.FitIndexed"/> keeps, instead of a posting's float weight, the n-gram's count in one byte
/// and recomputes the weight from it with the same float operations that made it (so a posting costs 3 bytes); a
/// posting whose weight that would not give to the last bit keeps its weight aside. Immutable after construction and
/// safe for concurrent queries.
/// </remarks>
public sealed class SparseVectorIndex
{
    private const int SegmentBits = 16;

    // The count code of a posting whose weight is kept in _overflowWeights.
    private const byte Overflow = byte.MaxValue;

    // Feature f's postings of documents whose high bits are h start at _starts[f * _segments + h]; all of feature f's
    // postings are _starts[f * _segments] up to _starts[(f + 1) * _segments].
    private readonly int _segments;
    private readonly int[] _starts;
    private readonly ushort[] _documentLows;

    // Either every posting's weight, or (built from counts) every posting's count code with what turns it into the weight.
    private readonly float[]? _weights;
    private readonly byte[]? _codes;
    private readonly TfIdfSpace? _space;
    private readonly int _charSlotCount;
    private readonly DocumentScale[]? _scales;
    private readonly int[] _overflowPositions = [];
    private readonly float[] _overflowWeights = [];
    private readonly ConcurrentBag<ScoreAccumulator> _accumulators = [];

    // The accumulator a lone caller takes and gives back without the bag (whose last item is taken under a lock).
    private ScoreAccumulator? _spareAccumulator;

    /// <summary>Indexes <paramref name="documents"/>; a document's id is its position in the list.</summary>
    /// <exception cref="ArgumentException">A document is null, or the postings would not fit in one array.</exception>
    public SparseVectorIndex(IReadOnlyList<SparseVector> documents)
        : this(documents, null)
    {
    }

    /// <summary>Indexes <paramref name="documents"/>, keeping counts instead of weights where <paramref name="factors"/> give the same weights.</summary>
    internal SparseVectorIndex(IReadOnlyList<SparseVector> documents, PostingFactors? factors)
    {
        ArgumentNullException.ThrowIfNull(documents);
        DocumentCount = documents.Count;

        var dimension = 0;
        long postings = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents));
            if (document.Count > 0)
            {
                dimension = Math.Max(dimension, document.Indices[^1] + 1);
                postings += document.Count;
            }
        }

        if (postings > Array.MaxLength)
        {
            throw new ArgumentException($"{postings} postings exceed the largest array.", nameof(documents));
        }

        Dimension = dimension;
        _segments = Math.Max(1, (int)(((long)documents.Count + (1 << SegmentBits) - 1) >> SegmentBits));
        var segmentCount = (long)dimension * _segments;
        if (segmentCount >= Array.MaxLength)
        {
            throw new ArgumentException($"{dimension} features of {_segments} segments each exceed the largest array.", nameof(documents));
        }

        _starts = new int[segmentCount + 1];
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            if (IsIndexable(document))
            {
                var segment = d >> SegmentBits;
                foreach (var feature in document.Indices)
                {
                    _starts[(feature * _segments) + segment + 1]++;
                }
            }
        }

        for (var s = 0; s < segmentCount; s++)
        {
            _starts[s + 1] += _starts[s];
        }

        _documentLows = new ushort[_starts[^1]];
        var weights = new float[_starts[^1]];
        var codes = factors is null ? null : new byte[_starts[^1]];
        var overflowPositions = new List<int>();
        var overflowWeights = new List<float>();
        var cursor = _starts[..^1];
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            if (!IsIndexable(document))
            {
                continue;
            }

            var norm = document.Norm();
            var indices = document.Indices;
            var values = document.Values;
            var segment = d >> SegmentBits;
            for (var i = 0; i < indices.Length; i++)
            {
                var slot = cursor[(indices[i] * _segments) + segment]++;
                _documentLows[slot] = (ushort)d;
                var weight = values[i] / norm;
                weights[slot] = weight;
                if (codes is not null)
                {
                    var count = factors!.Counts[d][i];
                    if (count is >= 1f and < Overflow && count == MathF.Floor(count)
                        && BitConverter.SingleToInt32Bits(CountedWeight((byte)count, factors.Space.Idf(indices[i]), indices[i] < factors.CharSlotCount, factors.Scales[d]))
                            == BitConverter.SingleToInt32Bits(weight))
                    {
                        codes[slot] = (byte)count;
                    }
                    else
                    {
                        codes[slot] = Overflow;
                        overflowPositions.Add(slot);
                        overflowWeights.Add(weight);
                    }
                }
            }
        }

        // Counts only where they take less room than the weights: a few long documents (topic texts) count past a byte.
        var countedBytes = codes is null ? long.MaxValue : codes.LongLength + (8L * overflowPositions.Count) + (16L * documents.Count);
        if (countedBytes >= 4L * weights.LongLength)
        {
            _weights = weights;
            return;
        }

        _codes = codes;
        _space = factors!.Space;
        _charSlotCount = factors.CharSlotCount;
        _scales = factors.Scales;
        _overflowPositions = [.. overflowPositions];
        _overflowWeights = [.. overflowWeights];
        Array.Sort(_overflowPositions, _overflowWeights);
    }

    /// <summary>How many documents were indexed (including zero vectors, which never match).</summary>
    public int DocumentCount { get; }

    /// <summary>One more than the largest feature index of any document.</summary>
    public int Dimension { get; }

    /// <summary>The total number of postings stored.</summary>
    public int PostingCount => _documentLows.Length;

    /// <summary>
    /// The <paramref name="k"/> documents most cosine-similar to <paramref name="query"/>, best first (ties by lower
    /// document index). Only documents sharing at least one feature with the query are candidates, so fewer than
    /// <paramref name="k"/> may come back.
    /// </summary>
    public IReadOnlyList<SearchHit> TopK(SparseVector query, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var queryNorm = query.Norm();
        if (k == 0 || queryNorm == 0f || !float.IsFinite(queryNorm))
        {
            return [];
        }

        var accumulator = RentAccumulator();
        try
        {
            var target = new SparseTarget(accumulator);
            Accumulate(query, queryNorm, ref target);
            return SelectTop(accumulator, k);
        }
        finally
        {
            ReturnAccumulator(accumulator);
        }
    }

    /// <summary>
    /// The cosine of each of <paramref name="documents"/> when <see cref="TopK(SparseVector, int)"/> of
    /// <paramref name="query"/> and <paramref name="k"/> returns it (the same score), zero when it does not; into
    /// <paramref name="cosines"/>, same positions. Costs one exhaustive search without building its result.
    /// </summary>
    public void ScoreAmongTop(SparseVector query, int k, ReadOnlySpan<int> documents, Span<float> cosines)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNotEqual(cosines.Length, documents.Length);
        cosines.Clear();
        var queryNorm = query.Norm();
        if (k == 0 || documents.Length == 0 || queryNorm == 0f || !float.IsFinite(queryNorm))
        {
            return;
        }

        var accumulator = RentAccumulator();
        ulong[]? keys = null;
        try
        {
            var target = new SparseTarget(accumulator);
            Accumulate(query, queryNorm, ref target);

            // Every document found is among the best k when no more than k were found; otherwise those ranking at or
            // above the k-th best.
            var worstKept = ulong.MaxValue;
            if (accumulator.TouchedCount > k)
            {
                keys = ArrayPool<ulong>.Shared.Rent(accumulator.TouchedCount);
                var found = RankKeys(accumulator, keys);
                SelectSmallest(found, k);
                worstKept = 0;
                foreach (var key in found[..k])
                {
                    worstKept = Math.Max(worstKept, key);
                }
            }

            for (var i = 0; i < documents.Length; i++)
            {
                var document = documents[i];
                if ((uint)document < (uint)DocumentCount && accumulator.WasTouched(document))
                {
                    var score = Math.Clamp(accumulator.Scores[document], -1f, 1f);
                    if (RankKey(score, document) <= worstKept)
                    {
                        cosines[i] = score;
                    }
                }
            }
        }
        finally
        {
            if (keys is not null)
            {
                ArrayPool<ulong>.Shared.Return(keys);
            }

            ReturnAccumulator(accumulator);
        }
    }

    private ScoreAccumulator RentAccumulator() =>
        Interlocked.Exchange(ref _spareAccumulator, null)
        ?? (_accumulators.TryTake(out var accumulator) ? accumulator : new ScoreAccumulator(DocumentCount));

    private void ReturnAccumulator(ScoreAccumulator accumulator)
    {
        accumulator.Clear();
        if (Interlocked.CompareExchange(ref _spareAccumulator, accumulator, null) is not null)
        {
            _accumulators.Add(accumulator);
        }
    }

    /// <summary>How many postings an exhaustive <see cref="TopK(SparseVector, int)"/> of <paramref name="query"/> visits.</summary>
    public long PostingCountOf(SparseVector query)
    {
        ArgumentNullException.ThrowIfNull(query);
        long count = 0;
        foreach (var feature in query.Indices)
        {
            if (feature >= Dimension)
            {
                break;
            }

            count += PostingLength(feature);
        }

        return count;
    }

    /// <summary>
    /// As <see cref="TopK(SparseVector, int)"/> when the query's postings number at most <paramref name="postingBudget"/>
    /// (then the result is identical); otherwise a bounded search: the query's rarest features are accumulated up to
    /// the budget (always at least the rarest one), the best <paramref name="rescored"/> of the documents found get
    /// their exact cosine over every feature (<see cref="Score"/>), and the best <paramref name="k"/> of those come back.
    /// A document sharing only common features with the query can be missed; every returned score is exact.
    /// </summary>
    public IReadOnlyList<SearchHit> TopK(SparseVector query, int k, long postingBudget, int rescored)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(postingBudget);
        ArgumentOutOfRangeException.ThrowIfLessThan(rescored, k);
        if (PostingCountOf(query) <= postingBudget)
        {
            return TopK(query, k);
        }

        var queryNorm = query.Norm();
        if (k == 0 || queryNorm == 0f || !float.IsFinite(queryNorm))
        {
            return [];
        }

        var features = new List<int>(query.Count);
        for (var i = 0; i < query.Count && query.Indices[i] < Dimension; i++)
        {
            features.Add(i);
        }

        features.Sort((a, b) => PostingLength(query.Indices[a]).CompareTo(PostingLength(query.Indices[b])) is var order && order != 0 ? order : a.CompareTo(b));
        var selectedIndices = new List<int>();
        var selectedValues = new List<float>();
        long spent = 0;
        foreach (var i in features)
        {
            var length = PostingLength(query.Indices[i]);
            if (selectedIndices.Count > 0 && spent + length > postingBudget)
            {
                break;
            }

            spent += length;
            selectedIndices.Add(i);
        }

        // Accumulated in the query's feature order with the query's own norm: partial cosines, for choosing only.
        selectedIndices.Sort();
        var partial = new SparseVector(
            [.. selectedIndices.Select(i => query.Indices[i])],
            [.. selectedIndices.Select(i => query.Values[i])]);
        var accumulator = RentAccumulator();
        SearchHit[] found;
        try
        {
            var target = new SparseTarget(accumulator);
            Accumulate(partial, queryNorm, ref target);
            found = SelectTop(accumulator, rescored);
        }
        finally
        {
            ReturnAccumulator(accumulator);
        }

        var documents = found.Select(hit => hit.DocumentIndex).ToArray();
        var exact = new float[documents.Length];
        Score(query, documents, exact);
        var hits = documents.Select((d, i) => new SearchHit(d, exact[i])).ToList();
        hits.Sort((x, y) => WorstFirst.Instance.Compare(y, x));
        return hits.Count > k ? hits.GetRange(0, k) : hits;
    }

    /// <summary>
    /// The cosine similarity of each of <paramref name="documents"/> to <paramref name="query"/>, into
    /// <paramref name="cosines"/> (same positions), equal to the score <see cref="TopK(SparseVector, int)"/> gives it.
    /// Costs about (query features × documents × log posting length), whatever the collection's size.
    /// </summary>
    public void Score(SparseVector query, ReadOnlySpan<int> documents, Span<float> cosines)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNotEqual(cosines.Length, documents.Length);
        cosines.Clear();
        var queryNorm = query.Norm();
        if (documents.Length == 0 || queryNorm == 0f || !float.IsFinite(queryNorm))
        {
            return;
        }

        // Visit the documents in increasing order, so each posting list is searched forward from the last hit.
        var order = new int[documents.Length];
        var sorted = documents.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var sums = new float[sorted.Length];
        var indices = query.Indices;
        var values = query.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            var feature = indices[i];
            if (feature >= Dimension)
            {
                break;
            }

            // The same float operations, in the same feature order, as the accumulation of an exhaustive search.
            var queryWeight = values[i] / queryNorm;
            var from = _starts[feature * _segments];
            var end = _starts[(feature + 1) * _segments];
            var counted = _weights is null ? new CountedWeights(this, feature) : default;
            var found = -1;
            for (var j = 0; j < sorted.Length; j++)
            {
                if (j == 0 || sorted[j] != sorted[j - 1])
                {
                    if (from >= end)
                    {
                        break;
                    }

                    found = Find(sorted[j], feature, from, end);
                    from = found >= 0 ? found + 1 : ~found;
                }

                if (found >= 0)
                {
                    sums[j] += queryWeight * (_weights is not null ? _weights[found] : counted.At(found, sorted[j]));
                }
            }
        }

        for (var j = 0; j < sorted.Length; j++)
        {
            cosines[order[j]] = Math.Clamp(sums[j], -1f, 1f);
        }
    }

    /// <summary>
    /// Where <paramref name="document"/> is among the postings of <paramref name="feature"/> from <paramref name="from"/>
    /// (below <paramref name="end"/>, the feature's end): its position, or the complement of the first position past it.
    /// </summary>
    private int Find(int document, int feature, int from, int end)
    {
        if (document < 0)
        {
            return ~from;
        }

        var segment = document >> SegmentBits;
        if (segment >= _segments)
        {
            return ~end;
        }

        // Every posting of an earlier segment is of a smaller document, every one of a later segment of a larger one.
        var start = Math.Max(from, _starts[(feature * _segments) + segment]);
        var stop = _starts[(feature * _segments) + segment + 1];
        return start >= stop ? ~Math.Max(start, stop) : Gallop((ushort)document, start, stop);
    }

    // Exponential then binary search forward from a position: the next candidate is usually near the last one
    // found, so this touches a few neighbouring cache lines rather than the whole posting list's.
    private int Gallop(ushort low, int from, int end)
    {
        if (_documentLows[from] >= low)
        {
            return _documentLows[from] == low ? from : ~from;
        }

        var step = 1;
        while (from + step < end && _documentLows[from + step] < low)
        {
            step <<= 1;
        }

        // A plain binary search: a feature lists each document once, so the position found is the only one.
        var first = from + (step >> 1) + 1;
        var last = Math.Min(from + step, end - 1);
        while (first <= last)
        {
            var middle = first + ((last - first) >> 1);
            var value = _documentLows[middle];
            if (value == low)
            {
                return middle;
            }

            if (value < low)
            {
                first = middle + 1;
            }
            else
            {
                last = middle - 1;
            }
        }

        return ~first;
    }

    private int PostingLength(int feature) => _starts[(feature + 1) * _segments] - _starts[feature * _segments];

    /// <summary>The cosine similarity of every document to <paramref name="query"/>, indexed by document; zero where nothing is shared.</summary>
    public float[] ScoreAll(SparseVector query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new float[DocumentCount];
        var queryNorm = query.Norm();
        if (queryNorm == 0f || !float.IsFinite(queryNorm))
        {
            return scores;
        }

        var target = new DenseTarget(scores);
        Accumulate(query, queryNorm, ref target);
        for (var d = 0; d < scores.Length; d++)
        {
            scores[d] = Math.Clamp(scores[d], -1f, 1f);
        }

        return scores;
    }

    private static bool IsIndexable(SparseVector document)
    {
        var norm = document.Norm();
        return document.Count > 0 && norm > 0f && float.IsFinite(norm);
    }

    private void Accumulate<TTarget>(SparseVector query, float queryNorm, ref TTarget target)
        where TTarget : struct, IScoreTarget
    {
        var indices = query.Indices;
        var values = query.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            var feature = indices[i];
            if (feature >= Dimension)
            {
                break;
            }

            var queryWeight = values[i] / queryNorm;
            if (_weights is not null)
            {
                AccumulateFeature(feature, queryWeight, new StoredWeights(_weights), ref target);
            }
            else
            {
                AccumulateFeature(feature, queryWeight, new CountedWeights(this, feature), ref target);
            }
        }
    }

    private void AccumulateFeature<TWeights, TTarget>(int feature, float queryWeight, TWeights weights, ref TTarget target)
        where TWeights : struct, IPostingWeights
        where TTarget : struct, IScoreTarget
    {
        var first = feature * _segments;
        for (var segment = 0; segment < _segments; segment++)
        {
            var high = segment << SegmentBits;
            for (var p = _starts[first + segment]; p < _starts[first + segment + 1]; p++)
            {
                var document = high | _documentLows[p];
                target.Add(document, queryWeight * weights.At(p, document));
            }
        }
    }

    /// <summary>
    /// A posting's weight from its count, as <see cref="TfIdfSpace"/> weighs an entry and the index divides it by the
    /// document's norm: count × idf in double rounded to float, times its block's scale, over the space's divisor,
    /// over the index's.
    /// </summary>
    private static float CountedWeight(byte count, double idf, bool characters, in DocumentScale scale)
    {
        var value = (float)(count * idf) * (characters ? scale.Char : scale.Word);
        value /= scale.Norm;
        return value / scale.IndexNorm;
    }

    private float OverflowWeight(int posting) => _overflowWeights[Array.BinarySearch(_overflowPositions, posting)];

    /// <summary>The best <paramref name="k"/> documents found, best first (ties by lower document index), as <see cref="WorstFirst"/> orders them.</summary>
    private static SearchHit[] SelectTop(ScoreAccumulator accumulator, int k)
    {
        var take = Math.Min(k, accumulator.TouchedCount);
        if (take == 0)
        {
            return [];
        }

        var keys = ArrayPool<ulong>.Shared.Rent(accumulator.TouchedCount);
        try
        {
            var found = RankKeys(accumulator, keys);
            SelectSmallest(found, take);
            var best = found[..take];
            best.Sort();
            var result = new SearchHit[take];
            for (var i = 0; i < take; i++)
            {
                var document = (int)(uint)best[i];
                result[i] = new SearchHit(document, Math.Clamp(accumulator.Scores[document], -1f, 1f));
            }

            return result;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    private static Span<ulong> RankKeys(ScoreAccumulator accumulator, ulong[] keys)
    {
        var found = keys.AsSpan(0, accumulator.TouchedCount);
        for (var i = 0; i < found.Length; i++)
        {
            var document = accumulator.Touched[i];
            found[i] = RankKey(Math.Clamp(accumulator.Scores[document], -1f, 1f), document);
        }

        return found;
    }

    /// <summary>
    /// A number that orders hits as <see cref="WorstFirst"/> does, reversed: smaller is better. The high half orders
    /// the scores (higher first, NaN last, as <see cref="float.CompareTo(float)"/> has it least, and -0 equal to 0), the
    /// low half is the document, lower first on equal scores.
    /// </summary>
    private static ulong RankKey(float score, int document)
    {
        uint order = 0;
        if (!float.IsNaN(score))
        {
            var bits = BitConverter.SingleToUInt32Bits(score == 0f ? 0f : score);
            order = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        }

        return ((ulong)(uint.MaxValue - order) << 32) | (uint)document;
    }

    /// <summary>Moves the <paramref name="count"/> smallest keys to the front, in no particular order (quickselect).</summary>
    private static void SelectSmallest(Span<ulong> keys, int count)
    {
        var low = 0;
        var high = keys.Length - 1;
        while (low < high && count > low && count <= high)
        {
            // Partition around the median of three; everything left of the split is at most everything right of it.
            var middle = low + ((high - low) / 2);
            var pivot = Median(keys[low], keys[middle], keys[high]);
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[low..j] <= pivot <= keys[i..high], and keys between j and i equal the pivot.
            if (count <= j + 1)
            {
                high = j;
            }
            else if (count >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }

    private static ulong Median(ulong a, ulong b, ulong c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private interface IScoreTarget
    {
        void Add(int document, float weight);
    }

    private interface IPostingWeights
    {
        float At(int posting, int document);
    }

    private readonly struct StoredWeights(float[] weights) : IPostingWeights
    {
        public float At(int posting, int document) => weights[posting];
    }

    /// <summary>One feature's postings read from their counts.</summary>
    private readonly struct CountedWeights(SparseVectorIndex index, int feature) : IPostingWeights
    {
        private readonly SparseVectorIndex _index = index;
        private readonly byte[] _codes = index._codes!;
        private readonly DocumentScale[] _scales = index._scales!;
        private readonly double _idf = index._space!.Idf(feature);
        private readonly bool _characters = feature < index._charSlotCount;

        public float At(int posting, int document)
        {
            var code = _codes[posting];
            return code == Overflow ? _index.OverflowWeight(posting) : CountedWeight(code, _idf, _characters, _scales[document]);
        }
    }

    private readonly struct DenseTarget(float[] scores) : IScoreTarget
    {
        public void Add(int document, float weight) => scores[document] += weight;
    }

    private readonly struct SparseTarget(ScoreAccumulator accumulator) : IScoreTarget
    {
        public void Add(int document, float weight) => accumulator.Add(document, weight);
    }

    /// <summary>Orders hits from worst to best: lower score first; on equal scores the higher document index first.</summary>
    private sealed class WorstFirst : IComparer<SearchHit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(SearchHit x, SearchHit y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.DocumentIndex.CompareTo(x.DocumentIndex);
        }
    }

    /// <summary>Per-query score table, reused across queries and reset only where it was written.</summary>
    private sealed class ScoreAccumulator(int documentCount)
    {
        private readonly bool[] _seen = new bool[documentCount];

        public float[] Scores { get; } = new float[documentCount];

        public int[] Touched { get; } = new int[documentCount];

        public int TouchedCount { get; private set; }

        public bool WasTouched(int document) => _seen[document];

        public void Add(int document, float weight)
        {
            if (!_seen[document])
            {
                _seen[document] = true;
                Touched[TouchedCount++] = document;
            }

            Scores[document] += weight;
        }

        public void Clear()
        {
            for (var i = 0; i < TouchedCount; i++)
            {
                var document = Touched[i];
                Scores[document] = 0f;
                _seen[document] = false;
            }

            TouchedCount = 0;
        }
    }
}

/// <summary>
/// What turns a document's n-gram counts into its indexed weights (<see cref="TfIdfSpace.FitIndexed"/>): the space
/// that gives each feature's idf, where the character block ends, each document's counts (aligned with its vector's entries) and scales.
/// </summary>
internal sealed record PostingFactors(TfIdfSpace Space, int CharSlotCount, float[][] Counts, DocumentScale[] Scales);

/// <summary>
/// One document's factors: its character and word blocks' scales, the divisor that gave its vector unit norm, and
/// that vector's norm, which the index divides by again.
/// </summary>
internal readonly record struct DocumentScale(float Char, float Word, float Norm, float IndexNorm);
