namespace Bot.Featurization.Tests;

public sealed class SparseVectorRowsTests
{
    [Fact]
    public void Cosine_of_two_rows_is_exactly_the_cosine_of_the_vectors()
    {
        var random = new Random(4);
        var vectors = Enumerable.Range(0, 60).Select(_ => RandomVector(random)).Append(SparseVector.Empty).ToArray();
        var rows = new SparseVectorRows(vectors);

        for (var a = 0; a < vectors.Length; a++)
        {
            for (var b = 0; b < vectors.Length; b++)
            {
                Assert.Equal(vectors[a].Cosine(vectors[b]), rows.Cosine(a, b));
            }
        }
    }

    [Fact]
    public void A_row_reads_back_as_the_vector_it_was_made_from()
    {
        var vectors = new[] { new SparseVector([1, 5], [0.5f, 2f]), SparseVector.Empty, new SparseVector([0], [3f]) };
        var rows = new SparseVectorRows(vectors);

        Assert.Equal(3, rows.Count);
        Assert.Equal(vectors.Select(v => v.ToString()), Enumerable.Range(0, 3).Select(i => rows[i].ToString()));
        Assert.Throws<ArgumentException>(() => new SparseVectorRows([SparseVector.Empty, null!]));
    }

    private static SparseVector RandomVector(Random random)
    {
        var indices = new SortedSet<int>();
        var count = random.Next(1, 30);
        while (indices.Count < count)
        {
            indices.Add(random.Next(80));
        }

        return new SparseVector(indices.ToArray(), indices.Select(_ => (float)random.NextDouble()).ToArray());
    }
}
