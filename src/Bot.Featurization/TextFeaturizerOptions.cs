namespace Bot.Featurization;

/// <summary>
/// Settings for <see cref="TextFeaturizer"/>, shaped like ML.NET's <c>TextFeaturizingEstimator.Options</c>
/// and with ML.NET's defaults: lower case, diacritics removed, punctuation and numbers kept,
/// word unigrams+bigrams and character trigrams weighted by raw counts, each block L2-normalised.
/// </summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>Case normalisation. Default <see cref="CaseMode.Lower"/>.</summary>
    public CaseMode CaseMode { get; init; } = CaseMode.Lower;

    /// <summary>Whether diacritical marks are kept. Default false (they are removed).</summary>
    public bool KeepDiacritics { get; init; }

    /// <summary>Whether punctuation (<see cref="char.IsPunctuation(char)"/>) is kept. Default true. Removed characters are dropped, not replaced by spaces.</summary>
    public bool KeepPunctuations { get; init; } = true;

    /// <summary>Whether numbers (<see cref="char.IsNumber(char)"/>) are kept. Default true. Removed characters are dropped, not replaced by spaces.</summary>
    public bool KeepNumbers { get; init; } = true;

    /// <summary>Word n-gram extraction; null disables the word block. Default: unigrams and bigrams, <see cref="WeightingCriteria.Tf"/>.</summary>
    public NgramExtractorOptions? WordFeatureExtractor { get; init; } = new();

    /// <summary>Character n-gram extraction; null disables the character block. Default: trigrams only, <see cref="WeightingCriteria.Tf"/>.</summary>
    public NgramExtractorOptions? CharFeatureExtractor { get; init; } = new() { NgramLength = 3, UseAllLengths = false };

    /// <summary>Stop-word removal; null (the default) keeps every token.</summary>
    public StopWordsRemoverOptions? StopWordsRemover { get; init; }

    /// <summary>Normalisation applied to the word block and the character block separately. Default <see cref="NormFunction.L2"/>.</summary>
    public NormFunction Norm { get; init; } = NormFunction.L2;

    /// <summary>Extension, not in ML.NET: light stemming of word tokens. Default <see cref="StemmerKind.None"/>.</summary>
    public StemmerKind Stemmer { get; init; } = StemmerKind.None;

    /// <summary>
    /// The settings the recommender uses for retrieval: ML.NET's defaults except TF-IDF weighting in both blocks,
    /// punctuation dropped (so "paxos," and "paxos" are one token), English stop words removed and
    /// Porter step-1 stemming (so "replicas" and "replica" share word n-grams).
    /// </summary>
    public static TextFeaturizerOptions Retrieval { get; } = new()
    {
        KeepPunctuations = false,
        WordFeatureExtractor = new NgramExtractorOptions { Weighting = WeightingCriteria.TfIdf },
        CharFeatureExtractor = new NgramExtractorOptions { NgramLength = 3, UseAllLengths = false, Weighting = WeightingCriteria.TfIdf },
        StopWordsRemover = StopWordsRemoverOptions.English,
        Stemmer = StemmerKind.PorterStep1,
    };

    internal void Validate()
    {
        if (!Enum.IsDefined(CaseMode))
        {
            throw new ArgumentOutOfRangeException(nameof(CaseMode), CaseMode, "Unknown case mode.");
        }

        if (!Enum.IsDefined(Norm))
        {
            throw new ArgumentOutOfRangeException(nameof(Norm), Norm, "Unknown norm.");
        }

        if (!Enum.IsDefined(Stemmer))
        {
            throw new ArgumentOutOfRangeException(nameof(Stemmer), Stemmer, "Unknown stemmer.");
        }

        WordFeatureExtractor?.Validate(nameof(WordFeatureExtractor));
        CharFeatureExtractor?.Validate(nameof(CharFeatureExtractor));
    }
}
