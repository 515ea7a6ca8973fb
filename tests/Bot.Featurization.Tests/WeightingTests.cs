using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class WeightingTests
{
    private static readonly NgramExtractorOptions _unigrams = new() { NgramLength = 1 };

    private static TextFeaturizer FitUnigrams(string?[] corpus, WeightingCriteria weighting) =>
        TextFeaturizer.Fit(corpus, WordsOnly(_unigrams with { Weighting = weighting }));

    [Fact]
    public void Idf_is_the_natural_log_of_documents_over_document_frequency()
    {
        var featurizer = FitUnigrams(["a b", "a c", "a d"], WeightingCriteria.Tf);

        Assert.Equal(3, featurizer.DocumentCount);
        Assert.Equal(Math.Log(3.0 / 1.0), featurizer.InverseDocumentFrequency[featurizer.WordVocabulary["b"]], 12);
        Assert.Equal(0.0, featurizer.InverseDocumentFrequency[featurizer.WordVocabulary["a"]], 12);
        Assert.Equal(1.0986122886681098, featurizer.GetFeature(featurizer.WordVocabulary["d"]).InverseDocumentFrequency, 12);
    }

    [Fact]
    public void Document_frequency_counts_documents_not_occurrences()
    {
        var featurizer = FitUnigrams(["b b b", "a", "c"], WeightingCriteria.Tf);

        Assert.Equal(Math.Log(3.0), featurizer.InverseDocumentFrequency[featurizer.WordVocabulary["b"]], 12);
    }

    [Fact]
    public void Empty_and_null_documents_count_towards_n()
    {
        var featurizer = FitUnigrams(["b", "", null, "   "], WeightingCriteria.Tf);

        Assert.Equal(4, featurizer.DocumentCount);
        Assert.Equal(Math.Log(4.0), featurizer.InverseDocumentFrequency[featurizer.WordVocabulary["b"]], 12);
    }

    [Theory]
    [InlineData(WeightingCriteria.Tf, 2.0, 1.0)]
    [InlineData(WeightingCriteria.Idf, 1.0986122886681098, 0.4054651081081644)]
    [InlineData(WeightingCriteria.TfIdf, 2.1972245773362196, 0.4054651081081644)]
    public void Tf_idf_and_tfidf_weigh_the_same_text_differently(WeightingCriteria weighting, double x, double y)
    {
        // N = 3; df(x) = 1 so idf = ln 3; df(y) = 2 so idf = ln 1.5; "x" occurs twice.
        var featurizer = FitUnigrams(["x x y", "y z", "z"], weighting);

        AssertValues(new Dictionary<string, double> { ["x"] = x, ["y"] = y }, ByName(featurizer, featurizer.Transform("x x y")));
    }

    [Fact]
    public void Tfidf_leaves_out_ngrams_present_in_every_document()
    {
        var featurizer = FitUnigrams(["a b", "a c"], WeightingCriteria.TfIdf);

        AssertValues(new Dictionary<string, double> { ["b"] = Math.Log(2.0) }, ByName(featurizer, featurizer.Transform("a b")));
    }

    [Fact]
    public void Idf_from_fit_time_is_used_for_new_texts()
    {
        var featurizer = FitUnigrams(["x x y", "y z", "z"], WeightingCriteria.TfIdf);

        AssertValues(
            new Dictionary<string, double> { ["z"] = 3 * Math.Log(1.5), ["x"] = Math.Log(3.0) },
            ByName(featurizer, featurizer.Transform("z x z z")));
    }
}
