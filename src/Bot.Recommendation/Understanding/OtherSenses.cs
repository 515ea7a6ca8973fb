namespace Bot.Recommendation.Understanding;

/// <summary>
/// Neighbouring words that show a vocabulary word used in another sense: "software" before "engineer" names no kind
/// of resource, "basic" before "paxos" no level. A preceding context may be one word or two ("photos and" video), or
/// one word up to two places back ("my" in "my db course").
/// </summary>
/// <param name="beforeWords">A phrase followed by one of its words.</param>
/// <param name="afterWords">A phrase right after one of its words or two-word contexts.</param>
/// <param name="afterWithinTwo">A phrase one or two words after one of its words.</param>
internal sealed class OtherSenses(
    IReadOnlyDictionary<string, string[]> beforeWords,
    IReadOnlyDictionary<string, string[]> afterWords,
    IReadOnlyDictionary<string, string[]>? afterWithinTwo = null)
{
    /// <summary>Whether the phrase of <paramref name="length"/> tokens at <paramref name="index"/> is used in another sense here.</summary>
    public bool Apply(IReadOnlyList<string> tokens, int index, int length)
    {
        var phrase = length == 1 ? tokens[index] : string.Join(' ', tokens.Skip(index).Take(length));
        var next = index + length;
        return (next < tokens.Count && beforeWords.TryGetValue(phrase, out var following) && following.Contains(tokens[next], StringComparer.Ordinal))
            || (index > 0 && afterWords.TryGetValue(phrase, out var preceding)
                && (preceding.Contains(tokens[index - 1], StringComparer.Ordinal)
                    || (index > 1 && preceding.Contains(tokens[index - 2] + " " + tokens[index - 1], StringComparer.Ordinal))))
            || (index > 0 && afterWithinTwo is not null && afterWithinTwo.TryGetValue(phrase, out var near)
                && (near.Contains(tokens[index - 1], StringComparer.Ordinal) || (index > 1 && near.Contains(tokens[index - 2], StringComparer.Ordinal))));
    }
}
