using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class WordNgramTests
{
    [Fact]
    public void Default_word_extractor_yields_unigrams_and_bigrams_in_ml_net_order()
    {
        var featurizer = TextFeaturizer.Fit(["a b c"], WordsOnly());

        Assert.Equal(["a", "a b", "b", "b c", "c"], FeatureNames(featurizer));
        var vector = featurizer.Transform("a b c");
        Assert.Equal([0, 1, 2, 3, 4], vector.Indices.ToArray());
        Assert.All(vector.Values.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Tokens_are_split_at_any_white_space()
    {
        var featurizer = TextFeaturizer.Fit(["a\tb\n\u00A0 c"], WordsOnly());

        Assert.Equal(["a", "a b", "b", "b c", "c"], FeatureNames(featurizer));
    }

    [Fact]
    public void Without_all_lengths_only_the_longest_ngrams_are_kept()
    {
        var featurizer = TextFeaturizer.Fit(["a b c"], WordsOnly(new NgramExtractorOptions { UseAllLengths = false }));

        Assert.Equal(["a b", "b c"], FeatureNames(featurizer));
    }

    [Fact]
    public void Skip_length_adds_ngrams_that_jump_over_tokens()
    {
        var featurizer = TextFeaturizer.Fit(["a b c"], WordsOnly(new NgramExtractorOptions { SkipLength = 1 }));

        Assert.Equal(["a", "a b", "a c", "b", "b c", "c"], FeatureNames(featurizer));
    }

    [Fact]
    public void Skips_are_counted_across_the_whole_ngram()
    {
        var options = new NgramExtractorOptions { NgramLength = 3, UseAllLengths = false, SkipLength = 1 };
        var featurizer = TextFeaturizer.Fit(["a b c d"], WordsOnly(options));

        Assert.Equal(["a b c", "a b d", "a c d", "b c d"], FeatureNames(featurizer));
    }

    [Fact]
    public void Repeated_ngrams_are_counted()
    {
        var featurizer = TextFeaturizer.Fit(["a a a"], WordsOnly());

        AssertValues(new Dictionary<string, double> { ["a"] = 3, ["a a"] = 2 }, ByName(featurizer, featurizer.Transform("a a a")));
    }

    [Fact]
    public void Vocabulary_is_capped_per_ngram_length_keeping_the_first_seen()
    {
        var featurizer = TextFeaturizer.Fit(["a b c", "d"], WordsOnly(new NgramExtractorOptions { MaximumNgramsCount = 2 }));

        Assert.Equal(["a", "a b", "b", "b c"], FeatureNames(featurizer));
    }
}
