namespace Bot.Featurization;

/// <summary>Which block of the feature vector an index falls in.</summary>
public enum FeatureBlock
{
    /// <summary>Character n-grams: indices [0, <see cref="TextFeaturizer.CharFeatureCount"/>).</summary>
    Char = 0,

    /// <summary>Word n-grams: indices [<see cref="TextFeaturizer.CharFeatureCount"/>, <see cref="TextFeaturizer.Dimension"/>).</summary>
    Word = 1,
}

/// <summary>One slot of the feature vector.</summary>
/// <param name="Block">The block the slot belongs to.</param>
/// <param name="Ngram">
/// The n-gram: for words, its tokens joined by single spaces; for characters, its characters, where
/// U+0002 and U+0003 mark the start and end of the text and U+001F separates tokens.
/// </param>
/// <param name="InverseDocumentFrequency">ln(N / df) over the fitting corpus.</param>
public readonly record struct NgramFeature(FeatureBlock Block, string Ngram, double InverseDocumentFrequency);
