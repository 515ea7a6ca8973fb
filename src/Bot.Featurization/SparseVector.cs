using System.Globalization;
using System.Numerics.Tensors;
using System.Text;

namespace Bot.Featurization;

/// <summary>
/// An immutable sparse vector of <see cref="float"/>: strictly increasing non-negative indices, each with a finite value.
/// Indices not stored are zero.
/// </summary>
public sealed class SparseVector
{
    // Past this size ratio a dot product binary-searches the longer vector instead of merging.
    private const int GallopRatio = 16;

    private readonly int[] _indices;
    private readonly float[] _values;
    private readonly float _norm;

    /// <summary>Copies and validates the entries.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, an index is negative or not above its predecessor, or a value is not finite.</exception>
    public SparseVector(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length)
        {
            throw new ArgumentException("Indices and values must have the same length.", nameof(values));
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1]))
            {
                throw new ArgumentException($"Indices must be non-negative and strictly increasing (position {i}).", nameof(indices));
            }

            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Values must be finite (position {i}).", nameof(values));
            }
        }

        _indices = indices.ToArray();
        _values = values.ToArray();
        _norm = TensorPrimitives.Norm(_values);
    }

    private SparseVector(int[] indices, float[] values)
    {
        _indices = indices;
        _values = values;
        _norm = TensorPrimitives.Norm<float>(values);
    }

    /// <summary>The vector with no entries.</summary>
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>The stored indices, in increasing order.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The stored values, aligned with <see cref="Indices"/>.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>How many entries are stored.</summary>
    public int Count => _indices.Length;

    /// <summary>The value at <paramref name="index"/>; zero when not stored.</summary>
    public float this[int index]
    {
        get
        {
            var position = Array.BinarySearch(_indices, index);
            return position >= 0 ? _values[position] : 0f;
        }
    }

    /// <summary>Builds a sparse vector from the non-zero entries of <paramref name="dense"/>.</summary>
    public static SparseVector FromDense(ReadOnlySpan<float> dense)
    {
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < dense.Length; i++)
        {
            if (dense[i] != 0f)
            {
                indices.Add(i);
                values.Add(dense[i]);
            }
        }

        return new SparseVector(indices.ToArray(), values.ToArray());
    }

    /// <summary>Wraps arrays the caller guarantees valid and will not touch again.</summary>
    internal static SparseVector FromTrusted(int[] indices, float[] values) => new(indices, values);

    /// <summary>The dot product, in time linear in the shorter vector when the other is much longer.</summary>
    public float Dot(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (small, large) = Count <= other.Count ? (this, other) : (other, this);
        if (small.Count == 0)
        {
            return 0f;
        }

        return (long)small.Count * GallopRatio < large.Count ? SearchDot(small, large) : MergeDot(small, large);
    }

    /// <summary>The Euclidean (L2) norm.</summary>
    public float Norm() => _norm;

    /// <summary>The cosine similarity in [-1, 1]; zero when either vector is zero.</summary>
    public float Cosine(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var denominator = _norm * other._norm;
        if (denominator == 0f || !float.IsFinite(denominator))
        {
            return 0f;
        }

        return Math.Clamp(Dot(other) / denominator, -1f, 1f);
    }

    /// <summary>A dense copy of length <paramref name="dimension"/>, which must exceed every stored index.</summary>
    public float[] ToDense(int dimension)
    {
        if (_indices.Length > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dimension, _indices[^1]);
        }

        var dense = new float[Math.Max(dimension, 0)];
        for (var i = 0; i < _indices.Length; i++)
        {
            dense[_indices[i]] = _values[i];
        }

        return dense;
    }

    /// <summary>Entries as "{index:value, …}", for diagnostics.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < _indices.Length; i++)
        {
            builder.Append(i == 0 ? "" : ", ")
                .Append(_indices[i].ToString(CultureInfo.InvariantCulture))
                .Append(':')
                .Append(_values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    private static float MergeDot(SparseVector a, SparseVector b)
    {
        var sum = 0d;
        int i = 0, j = 0;
        while (i < a._indices.Length && j < b._indices.Length)
        {
            var ai = a._indices[i];
            var bj = b._indices[j];
            if (ai == bj)
            {
                sum += (double)a._values[i++] * b._values[j++];
            }
            else if (ai < bj)
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

    private static float SearchDot(SparseVector small, SparseVector large)
    {
        var sum = 0d;
        var from = 0;
        var largeIndices = large._indices.AsSpan();
        for (var i = 0; i < small._indices.Length && from < largeIndices.Length; i++)
        {
            var found = largeIndices[from..].BinarySearch(small._indices[i]);
            if (found >= 0)
            {
                sum += (double)small._values[i] * large._values[from + found];
                from += found + 1;
            }
            else
            {
                from += ~found;
            }
        }

        return (float)sum;
    }
}
