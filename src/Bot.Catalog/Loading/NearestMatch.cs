using Bot.Featurization;

namespace Bot.Catalog.Loading;

/// <summary>Picks the candidate closest to a mistyped value by edit distance, for "did you mean" hints.</summary>
internal static class NearestMatch
{
    /// <summary>
    /// The candidate with the smallest case-insensitive edit distance (ties go to the ordinally first candidate),
    /// or null when none is within <paramref name="maxDistance"/>.
    /// </summary>
    public static string? Find(string value, IEnumerable<string> candidates, int maxDistance = int.MaxValue)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = value.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var distance = FuzzyMatcher.EditDistance(lowered, candidate.ToLowerInvariant());
            var isCloser = distance < bestDistance
                || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0);
            if (isCloser)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>A distance small enough that the candidate is plausibly a typo of the value rather than a different word.</summary>
    public static int TypoDistanceFor(string value) => Math.Max(2, value.Length / 3);

}
