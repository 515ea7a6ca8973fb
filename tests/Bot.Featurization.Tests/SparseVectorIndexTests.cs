
namespace Bot.Featurization.Tests;

public sealed class SparseVectorIndexTests
{
    private static SparseVector V(params (int Index, float Value)[] entries) =>
        new(entries.Select(e => e.Index).ToArray(), entries.Select(e => e.Value).ToArray());

    private static readonly SparseVector[] _small =
    [
        V((0, 1f)),
        V((0, 1f), (1, 1f)),
        V((1, 1f)),
        SparseVector.Empty,
    ];

    [Fact]
    public void TopK_returns_cosine_scores_best_first_and_skips_documents_sharing_nothing()
    {
        var index = new SparseVectorIndex(_small);

        var hits = index.TopK(V((0, 2f)), 10);

        Assert.Equal([0, 1], hits.Select(h => h.DocumentIndex));
        Assert.Equal(1f, hits[0].Score, 6);
        Assert.Equal(1 / MathF.Sqrt(2), hits[1].Score, 6);
        Assert.Equal([new SearchHit(0, 1f)], index.TopK(V((0, 2f)), 1));
    }

    [Fact]
    public void ScoreAll_gives_a_dense_cosine_per_document()
    {
        var index = new SparseVectorIndex(_small);

        var scores = index.ScoreAll(V((0, 1f), (1, 1f)));

        Assert.Equal(4, scores.Length);
        Assert.Equal(1 / MathF.Sqrt(2), scores[0], 6);
        Assert.Equal(1f, scores[1], 6);
        Assert.Equal(1 / MathF.Sqrt(2), scores[2], 6);
        Assert.Equal(0f, scores[3]);
    }

    [Fact]
    public void Ties_are_broken_by_lower_document_index()
    {
        var index = new SparseVectorIndex([V((3, 1f)), V((3, 2f)), V((3, 5f))]);

        Assert.Equal([0, 1], index.TopK(V((3, 1f)), 2).Select(h => h.DocumentIndex));
    }

    [Fact]
    public void Query_features_outside_the_index_still_count_in_the_query_norm()
    {
        var index = new SparseVectorIndex(_small);

        var hit = index.TopK(V((0, 1f), (50, 1f)), 1).Single();

        Assert.Equal(0, hit.DocumentIndex);
        Assert.Equal(1 / MathF.Sqrt(2), hit.Score, 6);
    }

    [Fact]
    public void Degenerate_queries_and_arguments()
    {
        var index = new SparseVectorIndex(_small);

        Assert.Empty(index.TopK(V((0, 1f)), 0));
        Assert.Empty(index.TopK(SparseVector.Empty, 5));
        Assert.Empty(new SparseVectorIndex([]).TopK(V((0, 1f)), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.TopK(V((0, 1f)), -1));
        Assert.Throws<ArgumentNullException>(() => index.TopK(null!, 1));
        Assert.Throws<ArgumentException>(() => new SparseVectorIndex([V((0, 1f)), null!]));
        Assert.Equal(2, index.Dimension);
        Assert.Equal(4, index.PostingCount);
    }

    [Fact]
    public void TopK_agrees_with_brute_force_cosine()
    {
        var random = new Random(7);
        var documents = Enumerable.Range(0, 5_000).Select(_ => RandomVector(random, 2_000, 20)).ToList();
        var index = new SparseVectorIndex(documents);

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 2_000, 15);
            var expected = documents
                .Select((d, i) => new SearchHit(i, query.Cosine(d)))
                .Where(h => h.Score > 0)
                .OrderByDescending(h => h.Score).ThenBy(h => h.DocumentIndex)
                .Take(10)
                .ToArray();

            var actual = index.TopK(query, 10);
            var all = index.ScoreAll(query);

            Assert.Equal(expected.Length, actual.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, 5);
                Assert.Equal(query.Cosine(documents[actual[i].DocumentIndex]), actual[i].Score, 5);
                Assert.Equal(all[actual[i].DocumentIndex], actual[i].Score, 6);
            }
        }
    }

    [Fact]
    public void Finds_each_document_among_a_hundred_thousand()
    {
        var random = new Random(11);
        var documents = Enumerable.Range(0, 100_000).Select(_ => RandomVector(random, 50_000, 30)).ToList();

        var index = new SparseVectorIndex(documents);

        Assert.Equal(100_000, index.DocumentCount);
        Assert.Equal(3_000_000, index.PostingCount);

        for (var q = 0; q < 50; q++)
        {
            var probe = documents[random.Next(documents.Count)];
            var best = index.TopK(probe, 5);
            Assert.Equal(1f, best[0].Score, 5);
            Assert.Equal(probe.ToString(), documents[best[0].DocumentIndex].ToString());
        }
    }

    [Fact]
    public void Concurrent_queries_return_the_same_results_as_sequential_ones()
    {
        var random = new Random(3);
        var documents = Enumerable.Range(0, 2_000).Select(_ => RandomVector(random, 500, 12)).ToList();
        var queries = Enumerable.Range(0, 200).Select(_ => RandomVector(random, 500, 8)).ToArray();
        var index = new SparseVectorIndex(documents);
        var expected = queries.Select(q => string.Join(";", index.TopK(q, 7))).ToArray();

        var actual = new string[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = string.Join(";", index.TopK(queries[i], 7)));

        Assert.Equal(expected, actual);
    }

    private static SparseVector RandomVector(Random random, int dimension, int count)
    {
        var indices = new SortedSet<int>();
        while (indices.Count < count)
        {
            indices.Add(random.Next(dimension));
        }

        return new SparseVector(indices.ToArray(), indices.Select(_ => (float)random.NextDouble() + 0.01f).ToArray());
    }
}
