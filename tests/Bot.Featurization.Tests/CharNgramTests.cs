using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class CharNgramTests
{
    [Fact]
    public void Trigrams_include_the_start_and_end_markers()
    {
        var featurizer = TextFeaturizer.Fit(["ab"], CharsOnly());

        Assert.Equal(["\u0002ab", "ab\u0003"], FeatureNames(featurizer));
        Assert.Equal(0, featurizer.CharVocabulary["\u0002ab"]);
        Assert.Equal(1, featurizer.CharVocabulary["ab\u0003"]);
    }

    [Fact]
    public void Trigrams_run_over_the_whole_text_so_spaces_are_part_of_them()
    {
        var featurizer = TextFeaturizer.Fit(["a b"], CharsOnly());

        Assert.Equal(["\u0002a ", "a b", " b\u0003"], FeatureNames(featurizer));
    }

    [Fact]
    public void All_lengths_yield_every_shorter_char_gram_markers_included()
    {
        var featurizer = TextFeaturizer.Fit(["ab"], CharsOnly(new NgramExtractorOptions { NgramLength = 2 }));

        Assert.Equal(["\u0002", "\u0002a", "a", "ab", "b", "b\u0003", "\u0003"], FeatureNames(featurizer));
    }

    [Fact]
    public void Char_grams_see_the_normalised_text()
    {
        var featurizer = TextFeaturizer.Fit(["Éa"], CharsOnly());

        Assert.Equal(["\u0002ea", "ea\u0003"], FeatureNames(featurizer));
    }

    [Fact]
    public void Empty_text_has_no_char_grams_but_blank_text_keeps_its_spaces()
    {
        var featurizer = TextFeaturizer.Fit(["", "  "], CharsOnly());

        Assert.Equal(["\u0002  ", "  \u0003"], FeatureNames(featurizer));
        Assert.Equal(0, featurizer.Transform("").Count);
    }

    [Fact]
    public void Text_shorter_than_the_ngram_yields_nothing()
    {
        var featurizer = TextFeaturizer.Fit(["a"], CharsOnly(new NgramExtractorOptions { NgramLength = 4, UseAllLengths = false }));

        Assert.Equal(0, featurizer.Dimension);
    }
}
