namespace Bot.Recommendation.Tests;

public sealed class TermSetsTests
{
    [Fact]
    public void Each_row_holds_its_own_distinct_terms_only()
    {
        var sets = new TermSets([["raft", "paxos", "raft"], [], ["paxos", "gossip"]]);

        Assert.Equal(3, sets.RowCount);
        Assert.Equal(3, sets.TermCount);
        var raft = sets.IdOf("raft");
        var paxos = sets.IdOf("paxos");
        var gossip = sets.IdOf("gossip");
        Assert.True(sets.Contains(0, raft));
        Assert.True(sets.Contains(0, paxos));
        Assert.False(sets.Contains(0, gossip));
        Assert.False(sets.Contains(1, raft));
        Assert.True(sets.Contains(2, gossip));
        Assert.False(sets.Contains(2, raft));
    }

    [Fact]
    public void Document_frequency_counts_rows_not_occurrences_and_unknown_terms_have_no_id()
    {
        var sets = new TermSets([["raft", "raft"], ["raft"], ["Raft"]]);

        Assert.Equal(2, sets.DocumentFrequency(sets.IdOf("raft")));
        Assert.Equal(1, sets.DocumentFrequency(sets.IdOf("Raft")));
        Assert.Equal(-1, sets.IdOf("paxos"));
    }
}
