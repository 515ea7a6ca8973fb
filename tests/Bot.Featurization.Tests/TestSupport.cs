namespace Bot.Featurization.Tests;

internal static class TestSupport
{
    public const float Tolerance = 1e-6f;

    /// <summary>Word n-grams only, raw counts, no normalisation: the values are the counts themselves.</summary>
    public static TextFeaturizerOptions WordsOnly(NgramExtractorOptions? words = null, NormFunction norm = NormFunction.None) =>
        new()
        {
            WordFeatureExtractor = words ?? new NgramExtractorOptions(),
            CharFeatureExtractor = null,
            Norm = norm,
        };

    /// <summary>Character n-grams only, raw counts, no normalisation.</summary>
    public static TextFeaturizerOptions CharsOnly(NgramExtractorOptions? chars = null, NormFunction norm = NormFunction.None) =>
        new()
        {
            WordFeatureExtractor = null,
            CharFeatureExtractor = chars ?? new NgramExtractorOptions { NgramLength = 3, UseAllLengths = false },
            Norm = norm,
        };

    public static string[] FeatureNames(TextFeaturizer featurizer) =>
        [.. Enumerable.Range(0, featurizer.Dimension).Select(i => featurizer.GetFeature(i).Ngram)];

    /// <summary>The vector as n-gram → value, so expectations read as text.</summary>
    public static Dictionary<string, float> ByName(TextFeaturizer featurizer, SparseVector vector)
    {
        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < vector.Count; i++)
        {
            result.Add(featurizer.GetFeature(vector.Indices[i]).Ngram, vector.Values[i]);
        }

        return result;
    }

    public static void AssertValues(IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, float> actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.True(Math.Abs(value - actual[key]) <= tolerance, $"{Show(key)}: expected {value}, got {actual[key]}");
        }
    }

    public static string Show(string gram) =>
        gram.Replace("\u0002", "<STX>", StringComparison.Ordinal)
            .Replace("\u0003", "<ETX>", StringComparison.Ordinal)
            .Replace("\u001F", "<US>", StringComparison.Ordinal);

    public static double SumOfSquares(SparseVector vector, Func<int, bool> inBlock)
    {
        var sum = 0d;
        for (var i = 0; i < vector.Count; i++)
        {
            if (inBlock(vector.Indices[i]))
            {
                sum += (double)vector.Values[i] * vector.Values[i];
            }
        }

        return sum;
    }
}
