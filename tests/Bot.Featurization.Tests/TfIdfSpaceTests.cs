namespace Bot.Featurization.Tests;

public sealed class TfIdfSpaceTests
{
    private static readonly string?[] Papers =
    [
        "Paxos made simple: the consensus protocol explained",
        "Raft consensus: an understandable log replication algorithm",
        "Dynamo, a highly available key-value store",
        "",
        "Time, clocks and the ordering of events in a distributed system",
        "Raft Raft raft: consensus again",
        null,
    ];

    private static readonly string?[] Authors = ["Leslie Lamport", "Diego Ongaro, John Ousterhout", "Giuseppe DeCandia", "", "Leslie Lamport", "Ongaro", "Werner Vogels"];

    private static readonly string?[] Topics = ["consensus, replication", "storage and key-value stores", "time and clocks"];

    private static readonly string[] Queries = ["raft consensus", "lamport clocks", "key value store dynamo", "leslie", "consensus consensus log", "storage", "zzqx"];

    public static TheoryData<string> OptionNames => [.. Variants.Keys];

    private static readonly Dictionary<string, TextFeaturizerOptions> Variants = new()
    {
        ["retrieval"] = TextFeaturizerOptions.Retrieval,
        ["tf"] = new() { Weighting = WeightingCriteria.Tf },
        ["idf"] = new() { Weighting = WeightingCriteria.Idf },
        ["l1"] = new() { Norm = NormFunction.L1 },
        ["infinity"] = new() { Norm = NormFunction.Infinity },
        ["no norm"] = new() { Norm = NormFunction.None },
        ["words only"] = new() { CharNgramLength = 0 },
        ["characters only"] = new() { WordNgramLength = 0 },
        ["grammar words kept"] = new() { RemoveGrammarWords = false },
    };

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void The_first_collection_gets_the_vectors_of_its_own_fit_slot_for_slot(string variant)
    {
        var options = Variants[variant];
        var (own, ownVectors) = MlNetTextFeaturizer.FitTransform(Papers, options);
        var (counter, counts) = NgramCounter.FitCount([Papers, Authors, Topics], options);
        var (space, vectors) = TfIdfSpace.Fit(counter, counts[0]);

        Assert.Equal(Papers.Length, space.DocumentCount);
        for (var d = 0; d < Papers.Length; d++)
        {
            AssertSameVector(ownVectors[d], vectors[d]);
        }

        foreach (var query in Queries)
        {
            AssertSameVector(own.Transform(query), space.Transform(counter.Count(query)));
        }
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void An_index_fitted_with_its_space_scores_to_the_bit_as_one_built_from_the_vectors(string variant)
    {
        var options = Variants[variant];
        var (counter, counts) = NgramCounter.FitCount([Papers, Authors, Topics], options);
        for (var c = 0; c < counts.Length; c++)
        {
            var (space, vectors, index) = TfIdfSpace.FitIndexed(counter, counts[c]);
            var plain = new SparseVectorIndex(vectors);
            Assert.Equal(plain.PostingCount, index.PostingCount);
            var documents = Enumerable.Range(0, vectors.Length).ToArray();
            foreach (var query in Queries.Concat(Papers.OfType<string>()))
            {
                var vector = space.Transform(counter.Count(query));
                Assert.Equal(Bits(plain.ScoreAll(vector)), Bits(index.ScoreAll(vector)));
                Assert.Equal(plain.TopK(vector, 3), index.TopK(vector, 3));
                var expected = new float[documents.Length];
                var actual = new float[documents.Length];
                plain.Score(vector, documents, expected);
                index.Score(vector, documents, actual);
                Assert.Equal(Bits(expected), Bits(actual));
            }
        }

        static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Later_collections_get_the_similarities_of_their_own_fit(string variant)
    {
        var options = Variants[variant];
        var (counter, counts) = NgramCounter.FitCount([Papers, Authors, Topics], options);
        foreach (var (collection, c) in new[] { (Authors, 1), (Topics, 2) })
        {
            var (own, ownVectors) = MlNetTextFeaturizer.FitTransform(collection, options);
            var (space, vectors) = TfIdfSpace.Fit(counter, counts[c]);
            for (var d = 0; d < collection.Length; d++)
            {
                Assert.Equal(ownVectors[d].Values.ToArray().Order(), vectors[d].Values.ToArray().Order(), (a, b) => Math.Abs(a - b) < 1e-6f);
                for (var e = 0; e < collection.Length; e++)
                {
                    Assert.Equal(ownVectors[d].Dot(ownVectors[e]), vectors[d].Dot(vectors[e]), 6);
                }

                foreach (var query in Queries)
                {
                    Assert.Equal(own.Transform(query).Dot(ownVectors[d]), space.Transform(counter.Count(query)).Dot(vectors[d]), 6);
                }
            }
        }
    }

    [Fact]
    public void Ngrams_absent_from_the_collection_are_dropped()
    {
        var (counter, counts) = NgramCounter.FitCount([Papers, Authors]);
        var (papers, _) = TfIdfSpace.Fit(counter, counts[0]);
        var (authors, _) = TfIdfSpace.Fit(counter, counts[1]);
        var ousterhout = counter.Count("ousterhout");

        Assert.NotEqual(0, authors.Transform(ousterhout).Count);
        Assert.Equal(0, papers.Transform(counter.Count("xxq")).Count);
        Assert.All(papers.Transform(counter.Count("raft")).Indices.ToArray(), i => Assert.InRange(i, 0, papers.Dimension - 1));
        Assert.True(papers.Dimension < counter.Dimension);
    }

    [Fact]
    public void Counts_of_another_counter_are_refused()
    {
        var (counter, counts) = NgramCounter.FitCount([Papers]);
        var (other, _) = NgramCounter.FitCount([Authors]);
        var (space, _) = TfIdfSpace.Fit(counter, counts[0]);

        Assert.Throws<ArgumentException>(() => space.Transform(other.Count("lamport")));
        Assert.Throws<ArgumentException>(() => TfIdfSpace.Fit(other, counts[0]));
    }

    private static void AssertSameVector(SparseVector expected, SparseVector actual)
    {
        Assert.Equal(expected.Indices.ToArray(), actual.Indices.ToArray());
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6f);
    }
}
