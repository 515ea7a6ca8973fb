namespace Bot.Featurization;

/// <summary>N-gram weighting, as ML.NET's <c>NgramExtractingEstimator.WeightingCriteria</c>.</summary>
/// <remarks>idf(g) = ln(N / df(g)), where N is the number of documents seen by <see cref="TextFeaturizer.Fit(IEnumerable{string}, TextFeaturizerOptions)"/>
/// and df(g) the number of those documents that contain g.</remarks>
public enum WeightingCriteria
{
    /// <summary>The raw count of the n-gram in the text (the ML.NET default).</summary>
    Tf = 0,

    /// <summary>idf(g) if the n-gram occurs in the text at all, whatever its count.</summary>
    Idf = 1,

    /// <summary>count × idf(g).</summary>
    TfIdf = 2,
}
