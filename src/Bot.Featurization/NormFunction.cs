namespace Bot.Featurization;

/// <summary>
/// Per-block vector normalisation, as ML.NET's <c>TextFeaturizingEstimator.NormFunction</c>.
/// The word block and the character block are each scaled to unit norm separately.
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
