using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class MatchTextTests
{
    [Theory]
    [InlineData("Café, Paxos!", "cafe paxos")]
    [InlineData("  I'm NEW here  ", "im new here")]
    [InlineData("TLA+ & model-checking", "tla+ model checking")]
    [InlineData("", "")]
    [InlineData("\u0000\u0007", "")]
    public void Normalize_folds_case_diacritics_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, MatchText.Normalize(input));

    [Theory]
    [InlineData("concensus", "consensus", 1)]
    [InlineData("byzantene", "byzantine", 1)]
    [InlineData("raft", "raft", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void EditDistance_counts_edits_and_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, MatchText.EditDistance(a, b));

    [Fact]
    public void EditDistance_stops_early_beyond_the_cap() =>
        Assert.True(MatchText.EditDistance("consensus", "xxxxxxxxxxxxxxxx", 2) > 2);
}
