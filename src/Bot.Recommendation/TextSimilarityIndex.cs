using Bot.Featurization;

namespace Bot.Recommendation;

/// <summary>
/// Cosine similarity between texts, using ML.NET's text featurizer with TF-IDF weighting
/// (<see cref="TextFeaturizerOptions.Retrieval"/>, through <see cref="MlNetTextFeaturizer"/>) and an inverted index, so a query costs what
/// its own n-grams cost rather than the size of the collection.
/// </summary>
public sealed class TextSimilarityIndex
{
    private const int DefaultCandidates = 200;
    private const int SignatureLength = 48;

    private readonly MlNetTextFeaturizer _featurizer;
    private readonly SparseVector[] _signatures;
    private readonly SparseVectorIndex _index;

    // The full document vectors live on only inside the inverted index; each document keeps a short signature.
    private TextSimilarityIndex(MlNetTextFeaturizer featurizer, SparseVector[] vectors)
    {
        _featurizer = featurizer;
        _signatures = vectors.Select(Signature).ToArray();
        _index = new SparseVectorIndex(vectors);
    }

    public int DocumentCount => _signatures.Length;

    public static TextSimilarityIndex Build(IReadOnlyList<string> documents, TextFeaturizerOptions? options = null)
    {
        var (featurizer, vectors) = MlNetTextFeaturizer.FitTransform(documents, options ?? TextFeaturizerOptions.Retrieval);
        return new TextSimilarityIndex(featurizer, vectors);
    }

    /// <summary>The documents most similar to the query, best first; only documents sharing an n-gram with it.</summary>
    public IReadOnlyList<(int Doc, float Score)> Search(string query, int limit = DefaultCandidates)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        return _index.TopK(_featurizer.Transform(query), limit).Select(hit => (hit.DocumentIndex, hit.Score)).ToList();
    }

    /// <summary>
    /// Approximate cosine between two documents of the index, over each one's heaviest n-grams only:
    /// enough to tell near-duplicates apart from unrelated items at a fraction of the full cost.
    /// </summary>
    public float Similarity(int a, int b) => _signatures[a].Cosine(_signatures[b]);

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

    /// <summary>Documents most similar to a document of the index (searched by its signature), best first, without itself.</summary>
    public IEnumerable<(int Doc, float Score)> Neighbours(int doc, int limit = 30) =>
        _index.TopK(_signatures[doc], limit + 1).Where(hit => hit.DocumentIndex != doc).Select(hit => (hit.DocumentIndex, hit.Score));
}
