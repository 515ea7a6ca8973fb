namespace Bot.Featurization;

/// <summary>N-gram weighting, mirroring ML.NET's <c>NgramExtractingEstimator.WeightingCriteria</c>.</summary>
/// <remarks>idf(g) = ln(N / df(g)) over the documents the featurizer was fitted on.</remarks>
public enum WeightingCriteria
{
    /// <summary>The raw count of the n-gram in the text (ML.NET's default).</summary>
    Tf = 0,

    /// <summary>idf(g) if the n-gram occurs in the text at all, whatever its count.</summary>
    Idf = 1,

    /// <summary>count × idf(g).</summary>
    TfIdf = 2,
}
