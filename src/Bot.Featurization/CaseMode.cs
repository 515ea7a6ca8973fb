namespace Bot.Featurization;

/// <summary>Case normalisation, as ML.NET's <c>TextNormalizingEstimator.CaseMode</c>; casing uses the invariant culture.</summary>
public enum CaseMode
{
    /// <summary>Lower-case every character (the default).</summary>
    Lower = 0,

    /// <summary>Upper-case every character.</summary>
    Upper = 1,

    /// <summary>Leave case as it is.</summary>
    None = 2,
}
