namespace Bot.Featurization.Tests;

public sealed class NgramSlotsTests
{
    private static readonly string[] Texts =
    [
        "Paxos made simple: the consensus protocol",
        "Raft consensus, a log replication algorithm; raft raft consensus",
        "Dynamo: Amazon's highly available key-value store",
        "clocks clocks and events, Lamport 1978",
        "Crème brûlée über Straße C++ 2pc 3",
        "a",
        "ab",
    ];

    [Theory]
    [InlineData(2, 3)]
    [InlineData(1, 3)]
    [InlineData(3, 4)]
    [InlineData(2, 1)]
    public void Counting_by_lookup_gives_MLNETs_counts(int wordLength, int charLength)
    {
        var options = new TextFeaturizerOptions { WordNgramLength = wordLength, CharNgramLength = charLength, Weighting = WeightingCriteria.Tf, Norm = NormFunction.None };
        string[] prepared = [.. Texts.Select(text => MlNetTextFeaturizer.Prepare(text, options))];
        var characters = MlNetTextFeaturizer.FitCountsPrepared(prepared, options with { WordNgramLength = 0 });
        var words = MlNetTextFeaturizer.FitCountsPrepared(prepared, options with { CharNgramLength = 0 });
        var characterSlots = NgramSlots.TryReadCharacters(characters.SlotNames, charLength);
        var wordSlots = NgramSlots.TryReadWords(words.SlotNames, wordLength);
        Assert.NotNull(characterSlots);
        Assert.NotNull(wordSlots);

        // The fitted texts, texts with n-grams the fit never saw, and a text of unseen words between seen ones.
        string[] probes = [.. Texts, "paxos zzz raft consensus", "qqq", "consensus consensus consensus", "made paxos simple"];
        foreach (var probe in probes)
        {
            var text = MlNetTextFeaturizer.Prepare(probe, options);
            AssertSame(characters.TransformPrepared(text), characterSlots.Count(text), probe);
            AssertSame(words.TransformPrepared(text), wordSlots.Count(text), probe);
        }
    }

    [Fact]
    public void The_recommenders_counter_counts_by_lookup()
    {
        Assert.True(NgramCounter.FitCount([Texts], TextFeaturizerOptions.Retrieval).Counter.CountsByLookup);
    }

    [Fact]
    public void Ngrams_longer_than_a_lookup_key_holds_are_counted_by_MLNET_alike()
    {
        var options = new TextFeaturizerOptions { CharNgramLength = 5 };
        var (counter, counts) = NgramCounter.FitCount([Texts], options);

        Assert.False(counter.CountsByLookup);
        for (var i = 0; i < Texts.Length; i++)
        {
            AssertSame(counts[0][i].Counts, counter.Count(Texts[i]).Counts, Texts[i]);
        }

        Assert.Contains(counter.Count("paxos").Counts.Indices.ToArray(), slot => slot < counter.CharSlotCount);
    }

    private static void AssertSame(SparseVector expected, SparseVector actual, string text)
    {
        Assert.True(
            expected.Indices.SequenceEqual(actual.Indices) && expected.Values.SequenceEqual(actual.Values),
            $"{text}: expected {expected}, got {actual}");
    }
}
