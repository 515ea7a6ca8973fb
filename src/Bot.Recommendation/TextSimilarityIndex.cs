using Bot.Featurization;

namespace Bot.Recommendation;

/// <summary>
/// Cosine similarity between texts, using the ML.NET-style featurizer with TF-IDF weighting
/// (<see cref="TextFeaturizerOptions.Retrieval"/>) and an inverted index, so a query costs what
/// its own n-grams cost rather than the size of the collection.
/// </summary>
public sealed class TextSimilarityIndex
{
    private const int DefaultCandidates = 200;

    private readonly TextFeaturizer _featurizer;
    private readonly SparseVector[] _vectors;
    private readonly SparseVectorIndex _index;

    private TextSimilarityIndex(TextFeaturizer featurizer, SparseVector[] vectors)
    {
        _featurizer = featurizer;
        _vectors = vectors;
        _index = new SparseVectorIndex(vectors);
    }

    public int DocumentCount => _vectors.Length;

    public static TextSimilarityIndex Build(IReadOnlyList<string> documents, TextFeaturizerOptions? options = null)
    {
        var featurizer = TextFeaturizer.Fit(documents, options ?? TextFeaturizerOptions.Retrieval);
        var vectors = new SparseVector[documents.Count];
        Parallel.For(0, documents.Count, i => vectors[i] = featurizer.Transform(documents[i]));
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

    public float Similarity(int a, int b) => _vectors[a].Cosine(_vectors[b]);

    /// <summary>Documents most similar to a document of the index, best first, without itself.</summary>
    public IEnumerable<(int Doc, float Score)> Neighbours(int doc, int limit = 30) =>
        _index.TopK(_vectors[doc], limit + 1).Where(hit => hit.DocumentIndex != doc).Select(hit => (hit.DocumentIndex, hit.Score));
}
