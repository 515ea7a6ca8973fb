namespace Bot.Featurization;

/// <summary>
/// Many sparse vectors in three flat arrays (row offsets, indices, values) plus one norm per row: the same numbers
/// as an array of <see cref="SparseVector"/> without an object and two arrays per row. Immutable; thread safe.
/// </summary>
public sealed class SparseVectorRows
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly float[] _values;
    private readonly float[] _norms;

    /// <summary>Copies <paramref name="rows"/>; row <c>i</c> is <c>rows[i]</c>.</summary>
    public SparseVectorRows(IReadOnlyList<SparseVector> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _offsets = new int[rows.Count + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(rows));
            _offsets[r + 1] = checked(_offsets[r] + row.Count);
        }

        _indices = new int[_offsets[^1]];
        _values = new float[_offsets[^1]];
        _norms = new float[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].Indices.CopyTo(_indices.AsSpan(_offsets[r]));
            rows[r].Values.CopyTo(_values.AsSpan(_offsets[r]));
            _norms[r] = rows[r].Norm();
        }
    }

    /// <summary>How many rows are stored.</summary>
    public int Count => _norms.Length;

    /// <summary>Row <paramref name="row"/> as a vector of its own (a copy).</summary>
    public SparseVector this[int row] => SparseVector.FromTrusted(Indices(row).ToArray(), Values(row).ToArray());

    /// <summary>The cosine of two rows, exactly as <see cref="SparseVector.Cosine"/> computes it, without allocating.</summary>
    public float Cosine(int a, int b)
    {
        var denominator = _norms[a] * _norms[b];
        if (denominator == 0f || !float.IsFinite(denominator))
        {
            return 0f;
        }

        return Math.Clamp(Dot(Indices(a), Values(a), Indices(b), Values(b)) / denominator, -1f, 1f);
    }

    private ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    private ReadOnlySpan<float> Values(int row) => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    // The products of shared indices summed in increasing index order, in double: what SparseVector.Dot adds up.
    private static float Dot(ReadOnlySpan<int> ai, ReadOnlySpan<float> av, ReadOnlySpan<int> bi, ReadOnlySpan<float> bv)
    {
        var sum = 0d;
        int i = 0, j = 0;
        while (i < ai.Length && j < bi.Length)
        {
            if (ai[i] == bi[j])
            {
                sum += (double)av[i++] * bv[j++];
            }
            else if (ai[i] < bi[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (float)sum;
    }
}
