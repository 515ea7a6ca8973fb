namespace Bot.Featurization.Tests;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Defaults_lower_case_and_strip_diacritics_but_keep_punctuation_and_numbers()
    {
        Assert.Equal("cafe, paxos! 2pc", TextNormalizer.Normalize("Café, Paxos! 2PC"));
    }

    [Fact]
    public void Dropped_punctuation_is_removed_without_leaving_a_space()
    {
        var options = new TextFeaturizerOptions { KeepPunctuations = false };

        Assert.Equal("cafe paxos", TextNormalizer.Normalize("Café, Paxos!", options));
        Assert.Equal("twophase commit", TextNormalizer.Normalize("two-phase commit", options));
        Assert.Equal("que", TextNormalizer.Normalize("¿Qué?", options));
    }

    [Fact]
    public void Dropped_numbers_include_non_ascii_numerals()
    {
        var options = new TextFeaturizerOptions { KeepNumbers = false };

        Assert.Equal("pc in  phases", TextNormalizer.Normalize("2PC in 3 phases", options));
        Assert.Equal("x y", TextNormalizer.Normalize("x² yⅫ", options));
    }

    [Theory]
    [InlineData(CaseMode.Lower, "cafe, paxos!")]
    [InlineData(CaseMode.Upper, "CAFE, PAXOS!")]
    [InlineData(CaseMode.None, "Cafe, Paxos!")]
    public void Case_mode_is_applied_after_diacritics_are_folded(CaseMode mode, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize("Café, Paxos!", new TextFeaturizerOptions { CaseMode = mode }));
    }

    [Fact]
    public void Keeping_diacritics_leaves_them_in_place()
    {
        Assert.Equal("café, paxos!", TextNormalizer.Normalize("Café, Paxos!", new TextFeaturizerOptions { KeepDiacritics = true }));
    }

    [Theory]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("Nguyễn Đức", "nguyen đuc")]
    [InlineData("Ελλάδα", "ελλαδα")]
    [InlineData("Йод", "иод")]
    [InlineData("Ǣ Å", "æ a")]
    [InlineData("שָׁלוֹם", "שלום")]
    public void Diacritics_are_removed_from_precomposed_and_decomposed_letters(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("ß ø", "ß ø")]
    [InlineData("한국", "한국")]
    [InlineData("क़", "क़")]
    [InlineData("a ≠ b", "a ≠ b")]
    public void Characters_without_a_letter_plus_diacritic_decomposition_are_kept(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Unchanged_text_is_returned_as_is_and_null_becomes_empty()
    {
        var text = "already normal";

        Assert.Same(text, TextNormalizer.Normalize(text));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null));
    }
}
