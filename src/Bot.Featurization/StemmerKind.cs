namespace Bot.Featurization;

/// <summary>
/// Extension, not in ML.NET: optional light stemming of word tokens before word n-grams are formed.
/// Only tokens made solely of the ASCII letters a–z are stemmed (so it is meant for <see cref="CaseMode.Lower"/>);
/// anything else passes through. Character n-grams are never built from stems.
/// </summary>
public enum StemmerKind
{
    /// <summary>No stemming (the default, as in ML.NET).</summary>
    None = 0,

    /// <summary>
    /// Harman's "S" stemmer, applied to tokens of four or more letters: "-ies" → "-y" (not after "a" or "e"),
    /// "-es" → "-e" (not after "a", "e" or "o"), "-s" → "" (not after "u" or "s"). Folds plurals only.
    /// </summary>
    SStripping = 1,

    /// <summary>
    /// Step 1 (1a, 1b, 1c) of Porter's algorithm, applied to tokens of three or more letters: plurals, "-ed" and "-ing",
    /// and a final "y" after a vowel-bearing stem becomes "i" (e.g. "replicated" → "replicate", "happy" → "happi").
    /// </summary>
    PorterStep1 = 2,
}
