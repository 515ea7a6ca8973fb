using System.Runtime.InteropServices;
using Bot.Featurization;

namespace Bot.Recommendation;

/// <summary>How much of an index one search may visit (from <see cref="Ranking.RankingOptions"/>).</summary>
/// <param name="Postings">A query visiting at most this many postings ranks the whole collection exactly.</param>
/// <param name="RescoredPerResult">Past it, this many documents per result wanted, found through the query's rarest n-grams, get their exact cosine.</param>
public sealed record TextSearchBudget(long Postings, int RescoredPerResult)
{
    /// <summary>No bound: every search ranks the whole collection.</summary>
    public static TextSearchBudget Unbounded { get; } = new(long.MaxValue, 1);

    internal int Rescored(int limit) => (int)Math.Min(int.MaxValue, (long)limit * Math.Max(1, RescoredPerResult));
}

/// <summary>One collection of texts to index (<see cref="TextSimilarityIndex.BuildShared"/>).</summary>
/// <param name="Documents">The texts; a document's id is its position.</param>
/// <param name="WithSignatures">Keep each document's signature, for <see cref="TextSimilarityIndex.Similarity"/> and <see cref="TextSimilarityIndex.Neighbours"/>.</param>
public sealed record TextCollection(IReadOnlyList<string> Documents, bool WithSignatures = false);

/// <summary>
/// Cosine similarity between texts, using ML.NET's text featurizer with TF-IDF weighting
/// (<see cref="TextFeaturizerOptions.Retrieval"/>: ML.NET's n-gram counts from an <see cref="NgramCounter"/>, weighted
/// by this collection's <see cref="TfIdfSpace"/>) and an inverted index, so a query costs what
/// its own n-grams cost rather than the size of the collection; past <see cref="TextSearchBudget.Postings"/> it
/// costs a bounded amount (<see cref="SparseVectorIndex.TopK(SparseVector, int, long, int)"/>).
/// </summary>
public sealed class TextSimilarityIndex
{
    private const int DefaultCandidates = 200;
    private const int SignatureLength = 48;

    private readonly NgramCounter _counter;
    private readonly TfIdfSpace _space;
    private readonly SparseVectorIndex _index;
    private readonly TextSearchBudget _budget;

    // Only an index that compares its own documents with each other keeps a short signature of each.
    private readonly SparseVectorRows? _signatures;

    // The full document vectors live on only inside the inverted index.
    private TextSimilarityIndex(NgramCounter counter, TfIdfSpace space, SparseVector[] vectors, SparseVectorIndex index, TextSearchBudget budget, bool withSignatures)
    {
        _counter = counter;
        _space = space;
        _budget = budget;
        _signatures = withSignatures ? new SparseVectorRows(vectors.Select(Signature).ToArray()) : null;
        _index = index;
        DocumentCount = vectors.Length;
    }

    public int DocumentCount { get; }

    /// <param name="documents">The texts to index; a document's id is its position.</param>
    /// <param name="options">Featurizer settings; default <see cref="TextFeaturizerOptions.Retrieval"/>.</param>
    /// <param name="budget">How much one search may visit; default <see cref="TextSearchBudget.Unbounded"/>.</param>
    /// <param name="withSignatures">Keep each document's signature, for <see cref="Similarity"/> and <see cref="Neighbours"/>.</param>
    public static TextSimilarityIndex Build(
        IReadOnlyList<string> documents, TextFeaturizerOptions? options = null, TextSearchBudget? budget = null, bool withSignatures = false) =>
        BuildShared([new TextCollection(documents, withSignatures)], options, budget)[0];

    /// <summary>
    /// One index per collection, all counting n-grams through one shared ML.NET fit (so a query is featurized once for
    /// all of them, <see cref="Count"/>), each weighting them by its own documents: every index holds the vectors
    /// that <see cref="Build"/> on its collection alone gives.
    /// </summary>
    /// <param name="collections">The collections; the first one's n-grams take the shared fit's first slots.</param>
    /// <param name="options">Featurizer settings; default <see cref="TextFeaturizerOptions.Retrieval"/>.</param>
    /// <param name="budget">How much one search may visit; default <see cref="TextSearchBudget.Unbounded"/>.</param>
    public static IReadOnlyList<TextSimilarityIndex> BuildShared(
        IReadOnlyList<TextCollection> collections, TextFeaturizerOptions? options = null, TextSearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var (counter, counts) = NgramCounter.FitCount(collections.Select(c => (IReadOnlyList<string?>)c.Documents).ToList(), options);
        var indexes = new TextSimilarityIndex[collections.Count];
        Parallel.For(0, collections.Count, c =>
        {
            var (space, vectors, index) = TfIdfSpace.FitIndexed(counter, counts[c]);
            indexes[c] = new TextSimilarityIndex(counter, space, vectors, index, budget ?? TextSearchBudget.Unbounded, collections[c].WithSignatures);
        });
        return indexes;
    }

    /// <summary>The query's n-gram counts, which every index built with this one (<see cref="BuildShared"/>) can <see cref="Vectorize(NgramCounts)"/>.</summary>
    public NgramCounts Count(string query) => _counter.Count(query);

    /// <summary>The n-gram counter this index (and every one built with it) counts texts with.</summary>
    public NgramCounter Counter => _counter;

    /// <summary>The query's vector in this index's n-gram space, for several calls with one query.</summary>
    public SparseVector Vectorize(string query) => Vectorize(Count(query));

    /// <summary>The vector of counts from <see cref="Count"/> of this index or of one built with it.</summary>
    /// <exception cref="ArgumentException">The counts come from an index built apart from this one.</exception>
    public SparseVector Vectorize(NgramCounts query) => _space.Transform(query);

    /// <summary>How many postings ranking the whole collection for <paramref name="query"/> visits.</summary>
    public long PostingCountOf(SparseVector query) => _index.PostingCountOf(query);

    /// <summary>The documents most similar to the query, best first; only documents sharing an n-gram with it.</summary>
    public IReadOnlyList<(int Doc, float Score)> Search(string query, int limit = DefaultCandidates) => Search(Vectorize(query), limit);

    /// <inheritdoc cref="Search(string, int)"/>
    public IReadOnlyList<(int Doc, float Score)> Search(SparseVector query, int limit = DefaultCandidates) =>
        query.Count == 0
            ? []
            : _index.TopK(query, limit, _budget.Postings, _budget.Rescored(limit)).Select(hit => (hit.DocumentIndex, hit.Score)).ToList();

    /// <summary>
    /// The similarity of each of <paramref name="documents"/> to the query, counted only for documents that rank among
    /// the index's best <paramref name="limit"/> for it (zero for the rest). Within <see cref="TextSearchBudget.Postings"/>
    /// the whole collection is ranked for that; past it, ranking the collection would cost what the collection costs,
    /// and only the given documents are ranked.
    /// </summary>
    public float[] SimilaritiesAmongBest(SparseVector query, IReadOnlyList<int> documents, int limit)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var similarities = new float[documents.Count];
        if (query.Count == 0 || documents.Count == 0)
        {
            return similarities;
        }

        if (_index.PostingCountOf(query) <= _budget.Postings)
        {
            _index.ScoreAmongTop(query, limit, documents is List<int> list ? CollectionsMarshal.AsSpan(list) : documents.ToArray(), similarities);
            return similarities;
        }

        var docs = documents.ToArray();
        _index.Score(query, docs, similarities);
        if (docs.Length > limit)
        {
            // The same order as a search: higher similarity first, then the lower document.
            var beyond = Enumerable.Range(0, docs.Length).OrderByDescending(i => similarities[i]).ThenBy(i => docs[i]).Skip(limit).ToList();
            foreach (var i in beyond)
            {
                similarities[i] = 0f;
            }
        }

        return similarities;
    }

    /// <summary>
    /// Approximate cosine between two documents of the index, over each one's heaviest n-grams only:
    /// enough to tell near-duplicates apart from unrelated items at a fraction of the full cost.
    /// </summary>
    /// <exception cref="InvalidOperationException">The index was built without signatures.</exception>
    public float Similarity(int a, int b) => Signatures.Cosine(a, b);

    /// <summary>Documents most similar to a document of the index (searched by its signature), best first, without itself.</summary>
    /// <exception cref="InvalidOperationException">The index was built without signatures.</exception>
    public IEnumerable<(int Doc, float Score)> Neighbours(int doc, int limit = 30) =>
        _index.TopK(Signatures[doc], limit + 1, _budget.Postings, _budget.Rescored(limit + 1))
            .Where(hit => hit.DocumentIndex != doc)
            .Select(hit => (hit.DocumentIndex, hit.Score));

    private SparseVectorRows Signatures =>
        _signatures ?? throw new InvalidOperationException("This index was built without document signatures.");

    private static SparseVector Signature(SparseVector vector)
    {
        if (vector.Count <= SignatureLength)
        {
            return vector;
        }

        var heaviest = Enumerable.Range(0, vector.Count)
            .OrderByDescending(i => vector.Values[i])
            .Take(SignatureLength)
            .Order()
            .ToArray();
        var indices = heaviest.Select(i => vector.Indices[i]).ToArray();
        var values = heaviest.Select(i => vector.Values[i]).ToArray();
        return new SparseVector(indices, values);
    }
}
