using static Bot.Featurization.Tests.TestSupport;

namespace Bot.Featurization.Tests;

public sealed class StopWordsAndStemmingTests
{
    [Fact]
    public void Stop_words_are_removed_before_word_ngrams_are_formed()
    {
        var options = WordsOnly() with { StopWordsRemover = StopWordsRemoverOptions.English };
        var featurizer = TextFeaturizer.Fit(["The Paxos of Raft"], options);

        Assert.Equal(["paxos", "paxos raft", "raft"], FeatureNames(featurizer));
    }

    [Fact]
    public void With_stop_words_removed_char_grams_read_the_surviving_tokens_joined_by_the_unit_separator()
    {
        var options = CharsOnly() with { StopWordsRemover = StopWordsRemoverOptions.English };
        var featurizer = TextFeaturizer.Fit(["the ab of cd"], options);

        Assert.Equal(["\u0002ab", "ab\u001F", "b\u001Fc", "\u001Fcd", "cd\u0003"], FeatureNames(featurizer));
    }

    [Fact]
    public void Custom_stop_words_are_matched_ignoring_case()
    {
        var options = WordsOnly(new NgramExtractorOptions { NgramLength = 1 }) with
        {
            StopWordsRemover = StopWordsRemoverOptions.Custom(["PAXOS", " ", "made"]),
        };
        var featurizer = TextFeaturizer.Fit(["paxos made simple"], options);

        Assert.Equal(["simple"], FeatureNames(featurizer));
        Assert.Equal(2, options.StopWordsRemover!.StopWords.Count);
    }

    [Fact]
    public void English_list_keeps_domain_words()
    {
        var english = StopWordsRemoverOptions.English.StopWords;

        Assert.Contains("the", english);
        Assert.Contains("THE", english);
        Assert.DoesNotContain("consensus", english);
        Assert.DoesNotContain("distributed", english);
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agree")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflate")]
    [InlineData("troubled", "trouble")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("replicas", "replica")]
    [InlineData("replicated", "replicate")]
    [InlineData("as", "as")]
    [InlineData("Cats", "Cats")]
    [InlineData("2pcs", "2pcs")]
    public void Porter_step_one_follows_the_published_examples(string word, string stem)
    {
        Assert.Equal(stem, Stemmer.Stem(word, StemmerKind.PorterStep1));
    }

    [Theory]
    [InlineData("queries", "query")]
    [InlineData("replicas", "replica")]
    [InlineData("processes", "processe")]
    [InlineData("toes", "toe")]
    [InlineData("consensus", "consensus")]
    [InlineData("class", "class")]
    [InlineData("bees", "bee")]
    [InlineData("gas", "gas")]
    public void S_stripping_folds_plurals_only(string word, string stem)
    {
        Assert.Equal(stem, Stemmer.Stem(word, StemmerKind.SStripping));
    }

    [Fact]
    public void Stemming_merges_word_forms_but_leaves_char_grams_alone()
    {
        var options = new TextFeaturizerOptions
        {
            WordFeatureExtractor = new NgramExtractorOptions { NgramLength = 1 },
            Stemmer = StemmerKind.PorterStep1,
            Norm = NormFunction.None,
        };
        var featurizer = TextFeaturizer.Fit(["replicas"], options);

        Assert.True(featurizer.WordVocabulary.ContainsKey("replica"));
        Assert.False(featurizer.WordVocabulary.ContainsKey("replicas"));
        Assert.True(featurizer.CharVocabulary.ContainsKey("as\u0003"));
        Assert.Equal(1f, featurizer.Transform("replica")[featurizer.WordVocabulary["replica"]]);
    }
}
