namespace Bot.Featurization.Tests;

public sealed class SparseVectorTests
{
    private static readonly SparseVector _a = new([0, 2, 5], [1f, 2f, 3f]);
    private static readonly SparseVector _b = new([2, 5, 7], [4f, -1f, 9f]);

    [Fact]
    public void Dot_norm_and_cosine_match_hand_computed_values()
    {
        Assert.Equal(5f, _a.Dot(_b));
        Assert.Equal(5f, _b.Dot(_a));
        Assert.Equal(MathF.Sqrt(14f), _a.Norm(), 6);
        Assert.Equal(MathF.Sqrt(98f), _b.Norm(), 5);
        Assert.Equal(5 / Math.Sqrt(14 * 98), _a.Cosine(_b), 6);
        Assert.Equal(1f, _a.Cosine(_a), 6);
    }

    [Fact]
    public void Dot_with_a_much_longer_vector_matches_the_dense_dot()
    {
        var dense = Enumerable.Range(0, 1000).Select(i => i * 0.5f).ToArray();
        var large = SparseVector.FromDense(dense);
        var small = new SparseVector([3, 500, 999], [2f, 1f, 4f]);

        Assert.Equal(2f * 1.5f + 250f + 4f * 499.5f, small.Dot(large));
        Assert.Equal(small.Dot(large), large.Dot(small));
    }

    [Fact]
    public void Zero_vectors_have_zero_cosine()
    {
        Assert.Equal(0f, SparseVector.Empty.Cosine(_a));
        Assert.Equal(0f, _a.Cosine(SparseVector.Empty));
        Assert.Equal(0f, SparseVector.Empty.Dot(_a));
        Assert.Equal(0f, SparseVector.Empty.Norm());
    }

    [Fact]
    public void Entries_round_trip_through_dense_form()
    {
        Assert.Equal([1f, 0f, 2f, 0f, 0f, 3f], _a.ToDense(6));
        Assert.Equal(_a.ToString(), SparseVector.FromDense(_a.ToDense(6)).ToString());
        Assert.Equal(2f, _a[2]);
        Assert.Equal(0f, _a[3]);
        Assert.Equal("{0:1, 2:2, 5:3}", _a.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => _a.ToDense(5));
    }

    [Fact]
    public void Invalid_entries_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SparseVector([2, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([-1], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], [float.NaN]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], [float.PositiveInfinity]));
    }

    [Fact]
    public void Constructor_copies_its_input()
    {
        int[] indices = [1, 2];
        float[] values = [1f, 2f];
        var vector = new SparseVector(indices, values);
        values[0] = 42f;

        Assert.Equal(1f, vector[1]);
    }
}
