namespace Bot.Featurization;

/// <summary>
/// Settings of <see cref="MlNetTextFeaturizer"/>, translated into ML.NET's <c>TextFeaturizingEstimator.Options</c>.
/// The defaults are what the recommender uses (<see cref="Retrieval"/>); the README says why each was chosen.
/// </summary>
public sealed record TextFeaturizerOptions
{
    /// <summary>Word n-grams of every length from 1 to this (default 2: words and word pairs); 0 turns the word block off.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams of exactly this length (default 3); 0 turns the character block off.</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>How an n-gram is weighted in both blocks. Default <see cref="WeightingCriteria.TfIdf"/>.</summary>
    public WeightingCriteria Weighting { get; init; } = WeightingCriteria.TfIdf;

    /// <summary>Whether <see cref="TextAnalyzer.IsGrammarWord"/> words are dropped before featurizing. Default true.</summary>
    public bool RemoveGrammarWords { get; init; } = true;

    /// <summary>ML.NET's per-block normalisation. Default <see cref="NormFunction.L2"/>.</summary>
    public NormFunction Norm { get; init; } = NormFunction.L2;

    /// <summary>The settings the recommender uses: word 1–2-grams and character trigrams, TF-IDF, grammar words dropped, L2.</summary>
    public static TextFeaturizerOptions Retrieval { get; } = new();

    internal void Validate()
    {
        if (WordNgramLength is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(WordNgramLength), WordNgramLength, "Word n-gram length must be 0 to 10.");
        }

        if (CharNgramLength is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramLength), CharNgramLength, "Character n-gram length must be 0 to 10.");
        }

        if (WordNgramLength == 0 && CharNgramLength == 0)
        {
            throw new ArgumentException("At least one of the word and character blocks must be on.");
        }

        if (!Enum.IsDefined(Weighting))
        {
            throw new ArgumentOutOfRangeException(nameof(Weighting), Weighting, "Unknown weighting.");
        }

        if (!Enum.IsDefined(Norm))
        {
            throw new ArgumentOutOfRangeException(nameof(Norm), Norm, "Unknown norm.");
        }
    }
}
