namespace Bot.Featurization.Tests;

public sealed class FuzzyMatcherTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("raft", "raft", 0)]
    [InlineData("raft", "draft", 1)]
    [InlineData("concensus", "consensus", 1)]
    [InlineData("byzantene", "byzantine", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_edits_and_adjacent_transpositions(string a, string b, int expected)
    {
        Assert.Equal(expected, FuzzyMatcher.EditDistance(a, b));
        Assert.Equal(expected, FuzzyMatcher.EditDistance(b, a));
    }

    [Fact]
    public void Edit_distance_stops_beyond_the_cap() =>
        Assert.Equal(3, FuzzyMatcher.EditDistance("consensus", "xxxxxxxxxxxxxxxx", cap: 2));

    [Fact]
    public void Long_inputs_do_not_overflow_the_stack() =>
        Assert.Equal(1, FuzzyMatcher.EditDistance(new string('a', 500), new string('a', 499) + "b"));

    [Theory]
    [InlineData("pbtf", "pbft", true)]
    [InlineData("raft", "rfat", true)]
    [InlineData("raft", "raft", false)]
    [InlineData("raft", "tfar", false)]
    [InlineData("raft", "rafts", false)]
    public void Adjacent_swap_is_exactly_one_swapped_pair(string a, string b, bool expected) =>
        Assert.Equal(expected, FuzzyMatcher.IsAdjacentSwap(a, b));

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    public void Longer_words_may_carry_more_typos(int length, int expected) =>
        Assert.Equal(expected, FuzzyMatcher.AllowedTypos(length));

    [Theory]
    [InlineData("chubbie", "chubby", true)]
    [InlineData("frangipanni", "frangipani", true)]
    [InlineData("percolater", "percolator", true)]
    [InlineData("paxos", "paxos", true)]
    [InlineData("tree", "try", false)]
    [InlineData("bigtablez", "spanner", false)]
    [InlineData("raft", "rafts", false)]
    public void A_misspelling_is_within_the_allowed_typos_as_typed_or_as_heard(string typed, string word, bool expected) =>
        Assert.Equal(expected, FuzzyMatcher.IsMisspellingOf(typed, word));

    [Theory]
    [InlineData("chubbie", "chuby")]
    [InlineData("chubby", "chuby")]
    [InlineData("mockey", "mocky")]
    [InlineData("tree", "tre")]
    [InlineData("key", "key")]
    public void The_spelling_key_keeps_doubled_letters_once_and_a_closing_ie_or_ey_as_y(string word, string expected) =>
        Assert.Equal(expected, FuzzyMatcher.SpellingKey(word));
}
