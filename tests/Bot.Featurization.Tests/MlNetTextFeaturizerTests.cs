namespace Bot.Featurization.Tests;

public sealed class MlNetTextFeaturizerTests
{
    private static readonly string[] Documents =
    [
        "Paxos made simple: the consensus protocol explained",
        "Raft consensus: an understandable log replication algorithm",
        "Dynamo, a highly available key-value store",
        "Time, clocks and the ordering of events",
    ];

    private static readonly MlNetTextFeaturizer Featurizer = MlNetTextFeaturizer.Fit(Documents);

    [Fact]
    public void Vectors_have_unit_l2_norm()
    {
        var (_, vectors) = MlNetTextFeaturizer.FitTransform(Documents);
        Assert.All(vectors, v => Assert.Equal(1f, v.Norm(), 5));
        Assert.Equal(1f, Featurizer.Transform("raft log").Norm(), 5);
    }

    [Fact]
    public void Batch_and_single_transforms_agree()
    {
        var (featurizer, vectors) = MlNetTextFeaturizer.FitTransform(Documents);
        for (var i = 0; i < Documents.Length; i++)
        {
            Assert.Equal(1f, vectors[i].Cosine(featurizer.Transform(Documents[i])), 5);
        }
    }

    [Fact]
    public void Indices_stay_inside_the_fitted_dimension()
    {
        var vector = Featurizer.Transform("consensus protocol");
        Assert.NotEqual(0, vector.Count);
        Assert.All(vector.Indices.ToArray(), i => Assert.InRange(i, 0, Featurizer.Dimension - 1));
    }

    [Fact]
    public void Unseen_ngrams_are_dropped()
    {
        Assert.Equal(0, Featurizer.Transform("zzzq xxxw").Count);
        var words = MlNetTextFeaturizer.Fit(Documents, new TextFeaturizerOptions { CharNgramLength = 0 });
        var known = words.Transform("raft");
        var withNoise = words.Transform("raft zzzq");
        Assert.Equal(1f, known.Cosine(withNoise), 5);
    }

    [Fact]
    public void Every_white_space_separates_words_like_a_space()
    {
        var spaced = Featurizer.Transform("raft consensus log");
        Assert.Equal(1f, spaced.Cosine(Featurizer.Transform("raft\tconsensus\nlog")), 6);
        Assert.Equal(1f, spaced.Cosine(Featurizer.Transform("  Raft\r\n\u00A0CONSENSUS,   log!")), 6);
    }

    [Fact]
    public void Grammar_words_do_not_count()
    {
        var plain = Featurizer.Transform("consensus protocol");
        Assert.Equal(1f, plain.Cosine(Featurizer.Transform("the consensus of a protocol")), 6);
    }

    [Fact]
    public void The_most_similar_document_is_the_one_sharing_rare_words()
    {
        var (featurizer, vectors) = MlNetTextFeaturizer.FitTransform(Documents);
        var query = featurizer.Transform("understandable raft");
        var best = Enumerable.Range(0, vectors.Length).MaxBy(i => vectors[i].Cosine(query));
        Assert.Equal(1, best);
    }

    [Fact]
    public void Null_and_empty_texts_give_empty_vectors()
    {
        Assert.Equal(0, Featurizer.Transform(null).Count);
        Assert.Equal(0, Featurizer.Transform("  \t ").Count);
        Assert.Equal(0, Featurizer.Transform("the of and").Count);
    }

    [Fact]
    public void A_corpus_without_words_gives_a_featurizer_that_knows_nothing()
    {
        var (featurizer, vectors) = MlNetTextFeaturizer.FitTransform(["", null, "the"]);
        Assert.All(vectors, v => Assert.Equal(0, v.Count));
        Assert.Equal(0, featurizer.Transform("raft").Count);
    }

    [Fact]
    public void Parallel_callers_get_the_same_vectors_as_a_single_caller()
    {
        var queries = Enumerable.Range(0, 400).Select(i => Documents[i % Documents.Length] + " " + (i % 7 == 0 ? "raft" : "paxos")).ToArray();
        var expected = queries.Select(Featurizer.Transform).ToArray();
        var actual = new SparseVector[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Featurizer.Transform(queries[i]));
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(expected[i].Indices.ToArray(), actual[i].Indices.ToArray());
            Assert.Equal(expected[i].Values.ToArray(), actual[i].Values.ToArray());
        }
    }

    [Fact]
    public void Options_switch_blocks_and_weighting()
    {
        var wordsOnly = MlNetTextFeaturizer.Fit(Documents, new TextFeaturizerOptions { CharNgramLength = 0 });
        var charsOnly = MlNetTextFeaturizer.Fit(Documents, new TextFeaturizerOptions { WordNgramLength = 0 });
        Assert.True(wordsOnly.Dimension < charsOnly.Dimension);

        // A word found in every document has idf 0: under TF-IDF it carries no weight, under Tf it does.
        string[] corpus = ["alpha beta", "alpha gamma"];
        var tfIdf = MlNetTextFeaturizer.Fit(corpus, new TextFeaturizerOptions { CharNgramLength = 0 });
        var tf = MlNetTextFeaturizer.Fit(corpus, new TextFeaturizerOptions { CharNgramLength = 0, Weighting = WeightingCriteria.Tf });
        Assert.Equal(0, tfIdf.Transform("alpha").Count);
        Assert.Equal(1, tf.Transform("alpha").Count);
    }

    [Fact]
    public void Invalid_options_are_rejected() =>
        Assert.Throws<ArgumentException>(() => MlNetTextFeaturizer.Fit(Documents, new TextFeaturizerOptions { WordNgramLength = 0, CharNgramLength = 0 }));
}
