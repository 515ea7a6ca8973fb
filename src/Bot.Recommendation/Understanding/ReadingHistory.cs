using System.Text.RegularExpressions;

namespace Bot.Recommendation.Understanding;

/// <summary>
/// Whether a request says the writer has already read what it names ("read the Chubby paper, what next?", "after
/// DDIA", "been through 6.824, where to go deeper"), so those items are left out and what follows them comes first.
/// Reads normalised text (<see cref="Bot.Featurization.TextAnalyzer.Normalize"/>: lower case, no punctuation, "I've" as "ive").
/// </summary>
public static partial class ReadingHistory
{
    /// <summary>True when the words say something named was read, finished or is known.</summary>
    public static bool SaysAlreadyRead(string normalized) =>
        BeyondPattern().IsMatch(normalized) || (PastReadingPattern().IsMatch(normalized) && NextStepPattern().IsMatch(normalized));

    // Phrases that on their own put the named items behind the reader: "after DDIA", "familiar with raft". Not
    // "beyond": "beyond CAP" asks for what answers CAP, and "Life beyond Distributed Transactions" is a title.
    [GeneratedRegex(@"\b(after|besides|other than|apart from|already (read|know|finished|did)|finished|done with|experience with|familiar with|know \w+ (well|pretty well))\b")]
    private static partial Regex BeyondPattern();

    // A past read or watch ("read the borg paper", "ive read", "went through", "did the labs"), which only counts with
    // a next step below: "what should i read next" is a modal and never matches, and "read x" alone may be an order.
    [GeneratedRegex(@"(^|\b(ok|so|bot|ive|i|have|had|just|already|finally|recently|also) )(re)?read\b(?<!\b(should|could|can|do|would|will|shall|must|might|to|what|which) i read)|\b(been|went|gone|got|worked|sat|made it|powered) through\b|\b(watched|rewatched|did the|done)\b")]
    private static partial Regex PastReadingPattern();

    [GeneratedRegex(@"\b(next|now|deeper|deep end|further|then|follow ?up|after that|level up|beyond)\b")]
    private static partial Regex NextStepPattern();
}
