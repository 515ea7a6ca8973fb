namespace Bot.Featurization;

/// <summary>
/// N-gram extraction settings for one feature block, shaped like ML.NET's <c>WordBagEstimator.Options</c>.
/// Defaults are ML.NET's: unigrams and bigrams, no skips, raw counts.
/// </summary>
public sealed record NgramExtractorOptions
{
    /// <summary>ML.NET's limit on <see cref="NgramLength"/> + <see cref="SkipLength"/>.</summary>
    public const int MaxNgramPlusSkipLength = 10;

    /// <summary>The longest n-gram to extract. Default 2.</summary>
    public int NgramLength { get; init; } = 2;

    /// <summary>
    /// Whether every length from 1 to <see cref="NgramLength"/> is extracted (default true),
    /// or only n-grams of exactly <see cref="NgramLength"/>.
    /// </summary>
    public bool UseAllLengths { get; init; } = true;

    /// <summary>
    /// The most units that may be skipped in total inside one n-gram (default 0: contiguous n-grams only).
    /// With 1, "a b c" also yields the bigram "a c".
    /// </summary>
    public int SkipLength { get; init; }

    /// <summary>How an n-gram present in a text is weighted. Default <see cref="WeightingCriteria.Tf"/>.</summary>
    public WeightingCriteria Weighting { get; init; } = WeightingCriteria.Tf;

    /// <summary>
    /// The most n-grams of each length kept in the vocabulary; the first ones met while fitting win, as in ML.NET.
    /// Default 10,000,000.
    /// </summary>
    public int MaximumNgramsCount { get; init; } = 10_000_000;

    internal void Validate(string name)
    {
        if (NgramLength < 1)
        {
            throw new ArgumentOutOfRangeException(name, NgramLength, $"{name}.{nameof(NgramLength)} must be at least 1.");
        }

        if (SkipLength < 0)
        {
            throw new ArgumentOutOfRangeException(name, SkipLength, $"{name}.{nameof(SkipLength)} must not be negative.");
        }

        if (NgramLength + SkipLength > MaxNgramPlusSkipLength)
        {
            throw new ArgumentOutOfRangeException(
                name, NgramLength + SkipLength, $"{name}: {nameof(NgramLength)} + {nameof(SkipLength)} must not exceed {MaxNgramPlusSkipLength}.");
        }

        if (MaximumNgramsCount < 1)
        {
            throw new ArgumentOutOfRangeException(name, MaximumNgramsCount, $"{name}.{nameof(MaximumNgramsCount)} must be at least 1.");
        }

        if (!Enum.IsDefined(Weighting))
        {
            throw new ArgumentOutOfRangeException(name, Weighting, $"{name}.{nameof(Weighting)} is not a known weighting.");
        }
    }
}
