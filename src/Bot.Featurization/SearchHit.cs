namespace Bot.Featurization;

/// <summary>A document returned by <see cref="SparseVectorIndex.TopK(SparseVector, int)"/>.</summary>
/// <param name="DocumentIndex">The document's position in the list the index was built from.</param>
/// <param name="Score">Its cosine similarity to the query.</param>
public readonly record struct SearchHit(int DocumentIndex, float Score);
