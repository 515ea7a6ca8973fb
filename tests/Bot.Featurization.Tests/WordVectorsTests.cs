using System.Numerics.Tensors;

namespace Bot.Featurization.Tests;

public sealed class WordVectorsTests
{
    // Two subjects, as a sentence encoder would place them: the texts on agreement point one way, those on baking the other.
    private static readonly (string Text, float[] Embedding)[] Texts =
    [
        ("raft elects a leader", [1f, 0.1f, 0f]),
        ("paxos reaches consensus", [0.9f, 0f, 0.1f]),
        ("the quorum must agree", [1f, 0f, 0f]),
        ("bake bread in the oven", [0f, 1f, 0.1f]),
        ("flour and yeast for bread", [0.1f, 0.9f, 0f]),
    ];

    private static WordVectors Vectors => WordVectors.Build(Texts);

    [Fact]
    public void Words_that_never_meet_are_near_when_the_texts_holding_them_are()
    {
        var vectors = Vectors;

        var leader = vectors.Embed("leader");
        var paxos = vectors.Embed("paxos");
        var yeast = vectors.Embed("yeast");

        Assert.True(TensorPrimitives.Dot(leader, paxos) > 0.9f);
        Assert.True(TensorPrimitives.Dot(leader, yeast) < 0f);
    }

    [Fact]
    public void A_text_is_placed_unit_length_from_its_known_words_and_function_words_count_for_nothing()
    {
        var vectors = Vectors;

        var asked = vectors.Embed("please recommend the quorum");

        Assert.Equal(1f, TensorPrimitives.Norm(asked), 4);
        Assert.Equal(vectors.Embed("quorum"), asked);
        Assert.False(vectors.Knows("the"));
        Assert.True(vectors.Knows("agree"));
    }

    [Fact]
    public void A_text_without_a_known_word_is_all_zeros()
    {
        var vectors = Vectors;
        var destination = new float[vectors.Dimensions];

        Assert.False(vectors.TryEmbed("quantum basketweaving", destination));
        Assert.All(destination, value => Assert.Equal(0f, value));
        Assert.All(vectors.Embed(null), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Saved_vectors_load_to_the_same_placements()
    {
        var vectors = Vectors;
        using var file = new MemoryStream();

        vectors.Save(file);
        file.Position = 0;
        var loaded = WordVectors.Load(file);

        Assert.Equal(vectors.WordCount, loaded.WordCount);
        Assert.Equal(vectors.TextCount, loaded.TextCount);
        Assert.Equal(vectors.Embed("raft bread quorum"), loaded.Embed("raft bread quorum"));
    }

    [Fact]
    public void A_file_that_is_not_word_vectors_or_ends_early_is_refused_with_a_clear_error()
    {
        using var garbage = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(garbage, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            zip.Write("not vectors at all"u8);
        }

        garbage.Position = 0;
        Assert.Contains("BWV1", Assert.Throws<InvalidDataException>(() => WordVectors.Load(garbage)).Message, StringComparison.Ordinal);

        using var whole = new MemoryStream();
        Vectors.Save(whole);
        using var cut = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(cut, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            var raw = Decompress(whole.ToArray());
            zip.Write(raw.AsSpan(0, raw.Length / 2));
        }

        cut.Position = 0;
        Assert.Contains("ends early", Assert.Throws<InvalidDataException>(() => WordVectors.Load(cut)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_needs_texts_whose_embeddings_have_one_length()
    {
        Assert.Throws<ArgumentException>(() => WordVectors.Build([]));
        Assert.Throws<ArgumentException>(() => WordVectors.Build([("raft", [1f, 0f]), ("paxos", [1f])]));
    }

    [Fact]
    public void Words_in_fewer_texts_than_the_minimum_are_left_out()
    {
        var vectors = WordVectors.Build(Texts, minimumTexts: 2);

        Assert.True(vectors.Knows("bread"));
        Assert.False(vectors.Knows("oven"));
    }

    private static byte[] Decompress(byte[] zipped)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(zipped), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
