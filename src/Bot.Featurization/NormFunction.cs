namespace Bot.Featurization;

/// <summary>
/// ML.NET's per-block normalisation (<c>TextFeaturizingEstimator.NormFunction</c>): the word block and the
/// character block are each scaled on their own before they are joined.
/// </summary>
public enum NormFunction
{
    /// <summary>No normalisation.</summary>
    None = 0,

    /// <summary>Divide by the sum of absolute values.</summary>
    L1 = 1,

    /// <summary>Divide by the Euclidean norm (the default).</summary>
    L2 = 2,

    /// <summary>Divide by the largest absolute value.</summary>
    Infinity = 3,
}
