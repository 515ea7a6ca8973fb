namespace Bot.Featurization.Tests;

public sealed class NgramCounterTests
{
    private static readonly string[][] Collections =
    [
        ["Paxos made simple: the consensus protocol", "Raft consensus, a log replication algorithm"],
        ["Dynamo key value store", "clocks clocks and events"],
    ];

    private static readonly (NgramCounter Counter, NgramCounts[][] Counts) Fitted = NgramCounter.FitCount(Collections);

    [Fact]
    public void Counts_come_back_in_the_shape_of_the_collections()
    {
        Assert.Equal([2, 2], Fitted.Counts.Select(c => c.Length));
        Assert.All(Fitted.Counts.SelectMany(c => c), counts => Assert.Same(Fitted.Counter, counts.Counter));
    }

    [Fact]
    public void Values_are_how_often_each_ngram_occurs()
    {
        var counts = Fitted.Counter.Count("clocks clocks");

        // Word block: "clocks" twice and "clocks clocks" once; character block: every trigram at least once.
        Assert.All(counts.Counts.Values.ToArray(), value => Assert.Equal(MathF.Round(value), value));
        Assert.Contains(2f, counts.Counts.Values.ToArray());
        Assert.Equal(1f, counts.Counts.Values.ToArray().Min());
    }

    [Fact]
    public void A_text_counts_the_same_alone_as_in_the_fit()
    {
        for (var c = 0; c < Collections.Length; c++)
        {
            for (var d = 0; d < Collections[c].Length; d++)
            {
                var alone = Fitted.Counter.Count(Collections[c][d]).Counts;
                Assert.Equal(Fitted.Counts[c][d].Counts.Indices.ToArray(), alone.Indices.ToArray());
                Assert.Equal(Fitted.Counts[c][d].Counts.Values.ToArray(), alone.Values.ToArray());
            }
        }
    }

    [Fact]
    public void Character_slots_come_before_word_slots()
    {
        Assert.InRange(Fitted.Counter.CharSlotCount, 1, Fitted.Counter.Dimension - 1);
        var words = NgramCounter.FitCount(Collections, new TextFeaturizerOptions { CharNgramLength = 0 }).Counter;
        var chars = NgramCounter.FitCount(Collections, new TextFeaturizerOptions { WordNgramLength = 0 }).Counter;
        Assert.Equal(0, words.CharSlotCount);
        Assert.Equal(chars.Dimension, chars.CharSlotCount);

        var raft = Fitted.Counter.Count("raft").Counts;
        Assert.Contains(raft.Indices.ToArray(), slot => slot < Fitted.Counter.CharSlotCount);
        Assert.Contains(raft.Indices.ToArray(), slot => slot >= Fitted.Counter.CharSlotCount);
    }

    [Fact]
    public void Ngrams_no_collection_holds_are_left_out()
    {
        Assert.Equal(0, Fitted.Counter.Count("zzqx wwvy").Counts.Count);
        Assert.Equal(0, Fitted.Counter.Count(null).Counts.Count);
        Assert.Equal(0, Fitted.Counter.Count("   ").Counts.Count);
    }

    [Fact]
    public void Counting_many_texts_at_once_gives_each_its_own_counts_in_order()
    {
        // Repeats are counted once and shared; blanks count nothing: each must still get the counts Count gives it.
        string?[] texts = ["raft consensus", "clocks clocks", null, "raft consensus", "   ", "zzqx", "Dynamo key value store", "clocks clocks"];

        var all = Fitted.Counter.CountAll(texts);

        Assert.Equal(texts.Length, all.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = Fitted.Counter.Count(texts[i]).Counts;
            Assert.Same(Fitted.Counter, all[i].Counter);
            Assert.Equal(alone.Indices.ToArray(), all[i].Counts.Indices.ToArray());
            Assert.Equal(alone.Values.ToArray(), all[i].Counts.Values.ToArray());
        }

        Assert.NotEqual(0, all[0].Counts.Count);
    }
}
