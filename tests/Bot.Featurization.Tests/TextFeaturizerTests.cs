using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class TextFeaturizerTests
{
    private static readonly string[] _catalog =
    [
        "Paxos Made Simple: the Paxos algorithm for consensus, explained plainly.",
        "In Search of an Understandable Consensus Algorithm (Raft), extended version.",
        "Time, Clocks, and the Ordering of Events in a Distributed System.",
        "Dynamo: Amazon's highly available key-value store.",
        "Designing Data-Intensive Applications: replication, partitioning, transactions.",
    ];

    [Fact]
    public void Defaults_match_ml_net()
    {
        var options = new TextFeaturizerOptions();

        Assert.Equal(CaseMode.Lower, options.CaseMode);
        Assert.False(options.KeepDiacritics);
        Assert.True(options.KeepPunctuations);
        Assert.True(options.KeepNumbers);
        Assert.Equal(new NgramExtractorOptions { NgramLength = 2, UseAllLengths = true, SkipLength = 0, Weighting = WeightingCriteria.Tf }, options.WordFeatureExtractor);
        Assert.Equal(new NgramExtractorOptions { NgramLength = 3, UseAllLengths = false, SkipLength = 0, Weighting = WeightingCriteria.Tf }, options.CharFeatureExtractor);
        Assert.Null(options.StopWordsRemover);
        Assert.Equal(NormFunction.L2, options.Norm);
        Assert.Equal(StemmerKind.None, options.Stemmer);
    }

    [Fact]
    public void Retrieval_preset_uses_tfidf_in_both_blocks()
    {
        var options = TextFeaturizerOptions.Retrieval;

        Assert.Equal(WeightingCriteria.TfIdf, options.WordFeatureExtractor!.Weighting);
        Assert.Equal(WeightingCriteria.TfIdf, options.CharFeatureExtractor!.Weighting);
        Assert.Equal(NormFunction.L2, options.Norm);
    }

    [Fact]
    public void Ngrams_unseen_at_fit_time_are_dropped()
    {
        var featurizer = TextFeaturizer.Fit(["raft consensus"], WordsOnly(norm: NormFunction.L2));
        var dimension = featurizer.Dimension;

        var vector = featurizer.Transform("paxos consensus");

        Assert.Equal([featurizer.WordVocabulary["consensus"]], vector.Indices.ToArray());
        Assert.Equal(1f, vector.Values[0], Tolerance);
        Assert.Equal(0, featurizer.Transform("zzz qqq").Count);
        Assert.Equal(dimension, featurizer.Dimension);
    }

    [Fact]
    public void Cosine_of_identical_texts_is_one()
    {
        foreach (var options in new[] { new TextFeaturizerOptions(), TextFeaturizerOptions.Retrieval })
        {
            var featurizer = TextFeaturizer.Fit(_catalog, options);
            foreach (var text in _catalog.Append("consensus with paxos"))
            {
                var vector = featurizer.Transform(text);
                Assert.Equal(1f, vector.Cosine(featurizer.Transform(text)), 6);
            }
        }
    }

    [Fact]
    public void Cosine_of_texts_sharing_one_of_two_words_is_one_half()
    {
        var featurizer = TextFeaturizer.Fit(["raft consensus", "paxos consensus"], WordsOnly(new NgramExtractorOptions { NgramLength = 1 }, NormFunction.L2));

        Assert.Equal(0.5f, featurizer.Transform("raft consensus").Cosine(featurizer.Transform("paxos consensus")), 6);
        Assert.Equal(0f, featurizer.Transform("raft").Cosine(featurizer.Transform("paxos")));
    }

    [Fact]
    public void Retrieval_ranks_the_matching_document_first()
    {
        var featurizer = TextFeaturizer.Fit(_catalog, TextFeaturizerOptions.Retrieval);
        var index = new SparseVectorIndex([.. _catalog.Select(featurizer.Transform)]);

        Assert.Equal(0, index.TopK(featurizer.Transform("paxos"), 1).Single().DocumentIndex);
        Assert.Equal(1, index.TopK(featurizer.Transform("understandable consensus (Raft)"), 1).Single().DocumentIndex);
        Assert.Equal(2, index.TopK(featurizer.Transform("logical clocks ordering events"), 1).Single().DocumentIndex);
        Assert.Equal(4, index.TopK(featurizer.Transform("replicated and partitioned data"), 1).Single().DocumentIndex);
    }

    [Fact]
    public void Vectors_are_sorted_within_the_dimension()
    {
        var featurizer = TextFeaturizer.Fit(_catalog);
        var vector = featurizer.Transform(_catalog[0]);

        Assert.True(vector.Count > 0);
        Assert.Equal(vector.Indices.ToArray().Order().Distinct(), vector.Indices.ToArray());
        Assert.InRange(vector.Indices[^1], 0, featurizer.Dimension - 1);
        Assert.Equal(featurizer.CharFeatureCount + featurizer.WordFeatureCount, featurizer.Dimension);
        Assert.Equal(featurizer.Dimension, featurizer.InverseDocumentFrequency.Count);
    }

    [Fact]
    public void Transform_is_safe_to_call_concurrently()
    {
        var featurizer = TextFeaturizer.Fit(_catalog, TextFeaturizerOptions.Retrieval);
        var texts = Enumerable.Range(0, 400).Select(i => _catalog[i % _catalog.Length] + " " + i).ToArray();
        var expected = texts.Select(t => featurizer.Transform(t).ToString()).ToArray();

        var actual = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = featurizer.Transform(texts[i]).ToString());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Empty_corpus_gives_an_empty_featurizer()
    {
        var featurizer = TextFeaturizer.Fit([]);

        Assert.Equal(0, featurizer.Dimension);
        Assert.Equal(0, featurizer.DocumentCount);
        Assert.Equal(0, featurizer.Transform("anything").Count);
    }

    [Fact]
    public void Vocabularies_are_read_only_views()
    {
        var featurizer = TextFeaturizer.Fit(["a b"]);

        Assert.Equal(featurizer.CharFeatureCount, featurizer.CharVocabulary.Count);
        Assert.Equal(featurizer.WordFeatureCount, featurizer.WordVocabulary.Count);
        Assert.All(featurizer.WordVocabulary, pair => Assert.Equal(pair.Key, featurizer.GetFeature(pair.Value).Ngram));
        Assert.All(featurizer.CharVocabulary, pair => Assert.Equal(pair.Key, featurizer.GetFeature(pair.Value).Ngram));
        Assert.False(featurizer.WordVocabulary.TryGetValue("zz", out _));
        Assert.IsNotType<Dictionary<string, int>>(featurizer.CharVocabulary);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => TextFeaturizer.Fit(null!));
        Assert.Throws<ArgumentNullException>(() => TextFeaturizer.Fit([], null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit([], WordsOnly(new NgramExtractorOptions { NgramLength = 0 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit([], WordsOnly(new NgramExtractorOptions { SkipLength = -1 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit([], CharsOnly(new NgramExtractorOptions { NgramLength = 8, SkipLength = 3 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextFeaturizer.Fit([], new TextFeaturizerOptions { Norm = (NormFunction)9 }));

        var featurizer = TextFeaturizer.Fit(["a"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => featurizer.GetFeature(featurizer.Dimension));
        Assert.Throws<ArgumentOutOfRangeException>(() => featurizer.GetFeature(-1));
    }
}
