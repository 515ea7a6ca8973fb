namespace Bot.Featurization.Tests;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("Café, Paxos!", "cafe paxos")]
    [InlineData("  I'm NEW here  ", "im new here")]
    [InlineData("Lamport’s clocks", "lamports clocks")]
    [InlineData("TLA+ & model-checking", "tla+ model checking")]
    [InlineData("raft\tconsensus\nlog\r\nreplication\u00A0now", "raft consensus log replication now")]
    [InlineData("Ærø Dvořák Nguyễn", "ærø dvorak nguyen")]
    [InlineData("", "")]
    [InlineData("\u0000\u0007", "")]
    public void Normalize_folds_case_diacritics_punctuation_and_every_white_space(string input, string expected) =>
        Assert.Equal(expected, TextAnalyzer.Normalize(input));

    [Fact]
    public void Normalize_of_null_is_empty() => Assert.Equal(string.Empty, TextAnalyzer.Normalize(null));

    [Fact]
    public void Tokens_are_the_normalised_words() =>
        Assert.Equal(["the", "part", "time", "parliament"], TextAnalyzer.Tokens("The Part-Time\tParliament."));

    [Fact]
    public void Index_text_drops_grammar_words_but_keeps_subject_and_asking_words() =>
        Assert.Equal("introduction consensus distributed systems", TextAnalyzer.IndexText("An introduction to the consensus of distributed systems"));

    [Theory]
    [InlineData("the", true, true, true)]
    [InlineData("which", true, true, true)]
    [InlineData("recommend", false, true, true)]
    [InlineData("beginner", false, true, true)]
    [InlineData("systems", false, false, true)]
    [InlineData("raft", false, false, false)]
    public void Stop_word_tiers_nest(string token, bool grammar, bool function, bool stop)
    {
        Assert.Equal(grammar, TextAnalyzer.IsGrammarWord(token));
        Assert.Equal(function, TextAnalyzer.IsFunctionWord(token));
        Assert.Equal(stop, TextAnalyzer.IsStopWord(token));
    }
}
