
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
    public void TopK_and_ScoreAmongTop_keep_the_best_in_order_among_many_tied_scores()
    {
        // Few distinct weights over few features: many documents tie, so only the document index orders them.
        var random = new Random(5);
        var documents = Enumerable.Range(0, 3_000)
            .Select(_ => V(Enumerable.Range(0, 6).Select(f => (f, (float)random.Next(0, 3))).Where(e => e.Item2 > 0).ToArray()))
            .ToList();
        var index = new SparseVectorIndex(documents);

        foreach (var k in new[] { 1, 7, 250, 2_999, 5_000 })
        {
            var query = V((0, 1f), (2, 2f), (4, 1f));
            var all = index.ScoreAll(query);
            var expected = Enumerable.Range(0, documents.Count)
                .Where(d => all[d] > 0)
                .Select(d => new SearchHit(d, all[d]))
                .OrderByDescending(h => h.Score).ThenBy(h => h.DocumentIndex)
                .Take(k)
                .ToList();
            var listed = Enumerable.Range(0, documents.Count).Where(d => d % 3 != 1).ToArray();
            var among = new float[listed.Length];

            index.ScoreAmongTop(query, k, listed, among);

            Assert.Equal(expected, index.TopK(query, k));
            var kept = expected.ToDictionary(h => h.DocumentIndex, h => h.Score);
            Assert.Equal(listed.Select(d => kept.GetValueOrDefault(d)), among);
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

    [Fact]
    public void PostingCountOf_counts_the_postings_of_the_query_features_the_index_has()
    {
        var index = new SparseVectorIndex(_small);

        Assert.Equal(2, index.PostingCountOf(V((0, 1f))));
        Assert.Equal(4, index.PostingCountOf(V((0, 1f), (1, 3f), (9, 1f))));
        Assert.Equal(0, index.PostingCountOf(SparseVector.Empty));
    }

    [Fact]
    public void Score_gives_each_listed_document_exactly_the_score_a_full_search_gives_it()
    {
        var random = new Random(5);
        var documents = Enumerable.Range(0, 3_000).Select(_ => RandomVector(random, 300, 15)).ToList();
        var index = new SparseVectorIndex(documents);

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 300, 10);
            var all = index.ScoreAll(query);
            var listed = Enumerable.Range(0, 200).Select(_ => random.Next(documents.Count)).Append(0).Append(documents.Count - 1).ToArray();
            var scores = new float[listed.Length];

            index.Score(query, listed, scores);

            Assert.Equal(listed.Select(d => all[d]), scores);
            foreach (var hit in index.TopK(query, 20))
            {
                var one = new float[1];
                index.Score(query, [hit.DocumentIndex], one);
                Assert.Equal(hit.Score, one[0]);
            }
        }
    }

    [Fact]
    public void A_search_within_its_posting_budget_is_the_exhaustive_search()
    {
        var random = new Random(9);
        var documents = Enumerable.Range(0, 2_000).Select(_ => RandomVector(random, 400, 12)).ToList();
        var index = new SparseVectorIndex(documents);

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 400, 8);
            var budget = index.PostingCountOf(query);

            Assert.Equal(index.TopK(query, 25), index.TopK(query, 25, budget, rescored: 25));
        }
    }

    [Fact]
    public void A_search_over_its_budget_visits_the_rarest_features_and_returns_exact_scores_best_first()
    {
        // Feature 0 is in every document, feature 1 in every tenth, feature 2 only in document 7.
        var documents = Enumerable.Range(0, 1_000)
            .Select(d => d == 7 ? V((0, 1f), (1, 1f), (2, 1f)) : d % 10 == 0 ? V((0, 1f), (1, 1f)) : V((0, 1f), (3, 1f)))
            .ToList();
        var index = new SparseVectorIndex(documents);
        var query = V((0, 1f), (1, 1f), (2, 1f));
        var all = index.ScoreAll(query);

        var hits = index.TopK(query, 5, postingBudget: 150, rescored: 20);

        Assert.Equal(5, hits.Count);
        Assert.Equal(7, hits[0].DocumentIndex);
        Assert.All(hits, hit => Assert.Equal(all[hit.DocumentIndex], hit.Score));
        Assert.All(hits.Skip(1), hit => Assert.Equal(0, hit.DocumentIndex % 10));
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.TopK(query, 5, postingBudget: 150, rescored: 4));
    }

    [Fact]
    public void Even_over_budget_a_search_visits_its_rarest_feature()
    {
        var documents = Enumerable.Range(0, 500).Select(_ => V((0, 1f))).ToList();
        var index = new SparseVectorIndex(documents);

        var hits = index.TopK(V((0, 1f)), 3, postingBudget: 10, rescored: 3);

        Assert.Equal([0, 1, 2], hits.Select(h => h.DocumentIndex));
    }

    [Fact]
    public void Documents_past_the_first_65536_are_stored_and_scored_exactly()
    {
        // Three segments of document ids; the boundary documents and an empty one among them.
        var random = new Random(3);
        var documents = Enumerable.Range(0, 150_000)
            .Select(d => d is 65_535 or 65_536 or 131_072 or 149_999 ? V((1, 2f), (4, 1f)) : d == 70_000 ? SparseVector.Empty : RandomVector(random, 40, 3))
            .ToList();
        var index = new SparseVectorIndex(documents);
        var query = V((1, 1f), (4, 3f), (9, 0.5f));

        // The float operations of an exhaustive search, in its order: query features in turn, each weight pre-divided.
        var queryNorm = query.Norm();
        var expected = documents.Select(document =>
        {
            var sum = 0f;
            for (var i = 0; i < query.Count; i++)
            {
                var value = document[query.Indices[i]];
                if (value != 0f)
                {
                    sum += query.Values[i] / queryNorm * (value / document.Norm());
                }
            }

            return Math.Clamp(sum, -1f, 1f);
        }).ToArray();

        Assert.Equal(150_000, index.DocumentCount);
        Assert.Equal(documents.Sum(d => d.Count), index.PostingCount);
        Assert.Equal(expected, index.ScoreAll(query));
        var top = index.TopK(query, 50);
        Assert.Equal(
            expected.Select((score, d) => new SearchHit(d, score)).OrderByDescending(h => h.Score).ThenBy(h => h.DocumentIndex).Take(50),
            top);

        int[] listed = [0, 65_535, 65_536, 65_537, 70_000, 131_071, 131_072, 149_999, 150_000, 200_000, -1];
        var scores = new float[listed.Length];
        index.Score(query, listed, scores);
        Assert.Equal(listed.Select(d => (uint)d < (uint)expected.Length ? expected[d] : 0f), scores);
        Assert.Equal(documents.Sum(d => (long)query.Indices.ToArray().Count(f => d[f] != 0f)), index.PostingCountOf(query));
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
