using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class NormalizationTests
{
    private static readonly NgramExtractorOptions _unigrams = new() { NgramLength = 1 };

    [Theory]
    [InlineData(NormFunction.L2, 0.8944271909999159, 0.4472135954999579)]
    [InlineData(NormFunction.L1, 2.0 / 3.0, 1.0 / 3.0)]
    [InlineData(NormFunction.Infinity, 1.0, 0.5)]
    [InlineData(NormFunction.None, 2.0, 1.0)]
    public void A_block_is_scaled_by_its_norm(NormFunction norm, double a, double b)
    {
        var featurizer = TextFeaturizer.Fit(["a a b"], WordsOnly(_unigrams, norm));

        AssertValues(new Dictionary<string, double> { ["a"] = a, ["b"] = b }, ByName(featurizer, featurizer.Transform("a a b")));
    }

    [Fact]
    public void Word_and_char_blocks_are_each_l2_normalised_so_the_whole_has_norm_root_two()
    {
        var featurizer = TextFeaturizer.Fit(["raft consensus", "paxos made simple"]);
        var vector = featurizer.Transform("raft consensus");

        // Word block: "raft", "raft consensus", "consensus", each counted once.
        // Char block: the 14 distinct trigrams of "\u0002raft consensus\u0003", each counted once.
        var expected = new Dictionary<string, double>
        {
            ["raft"] = 1 / Math.Sqrt(3),
            ["raft consensus"] = 1 / Math.Sqrt(3),
            ["consensus"] = 1 / Math.Sqrt(3),
        };
        foreach (var trigram in new[] { "\u0002ra", "raf", "aft", "ft ", "t c", " co", "con", "ons", "nse", "sen", "ens", "nsu", "sus", "us\u0003" })
        {
            expected.Add(trigram, 1 / Math.Sqrt(14));
        }

        AssertValues(expected, ByName(featurizer, vector));
        Assert.Equal(1.0, SumOfSquares(vector, i => i < featurizer.CharFeatureCount), 6);
        Assert.Equal(1.0, SumOfSquares(vector, i => i >= featurizer.CharFeatureCount), 6);
        Assert.Equal(Math.Sqrt(2), vector.Norm(), 5);
    }

    [Fact]
    public void Char_block_comes_first_then_word_block_as_in_ml_net()
    {
        var featurizer = TextFeaturizer.Fit(["ab"]);

        Assert.Equal(2, featurizer.CharFeatureCount);
        Assert.Equal(1, featurizer.WordFeatureCount);
        Assert.Equal(new NgramFeature(FeatureBlock.Char, "\u0002ab", 0), featurizer.GetFeature(0));
        Assert.Equal(new NgramFeature(FeatureBlock.Word, "ab", 0), featurizer.GetFeature(2));
        Assert.Equal(2, featurizer.WordVocabulary["ab"]);
    }

    [Fact]
    public void A_text_with_only_one_block_present_has_norm_one()
    {
        // The word "zzyy" was never seen; its char grams "\u0002zz" and "yy\u0003" were.
        var featurizer = TextFeaturizer.Fit(["zz yy"]);
        var vector = featurizer.Transform("zzyy");

        Assert.Equal(2, vector.Count);
        Assert.All(vector.Indices.ToArray(), i => Assert.True(i < featurizer.CharFeatureCount));
        Assert.Equal(1.0, vector.Norm(), 6);
    }
}
