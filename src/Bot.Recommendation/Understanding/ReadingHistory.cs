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
        BeyondPattern().IsMatch(normalized)
        || PastReadingPattern().IsMatch(normalized)
        || (OrderOrPastPattern().IsMatch(normalized) && NextStepPattern().IsMatch(normalized));

    // Phrases that on their own put the named items behind the reader: "after DDIA", "familiar with raft", "know VR
    // inside out", "more like the LFS paper". Not "beyond": "beyond CAP" asks for what answers CAP, and "Life beyond
    // Distributed Transactions" is a title.
    // "after" names what came before only when a name follows it: not "after a crash", "after our failover", "after
    // saving", and not "pbft and what came after it", which asks for pbft too.
    [GeneratedRegex(@"\b((?<!\b(what|whatever|everything) came )after(?! (a|an|our|my|your|their|we|they|i|that|this|some|each|every|one|two|leader|saving|restarts?|failovers?|crash(es)?|deploys?|the (crash|deploy|failover|trigger|fact|outage|incident|restart))\b)|besides|other than|apart from|already (read|know|finished|did|run|use)|finished|done with|experience with|familiar with|comfortable with|know \w+ (well|pretty well)|know( \w+){1,8} inside out|more like|similar to|in (that|the same) (spirit|vein|genre)|in the spirit of)\b")]
    private static partial Regex BeyondPattern();

    // A read, watch or course behind the writer, said so plainly ("ive read", "i read", "went through", "watched"):
    // only what the message names is left out, so a past tense that names nothing costs nothing. "what should i
    // read" is a modal and never matches.
    [GeneratedRegex(@"\b(ive|i|have|had|just|already|finally|recently) (re)?read\b(?<!\b(should|could|can|do|would|will|shall|must|might|to|what|which) i read)|\b(been|went|gone|got|worked|sat|made it|powered) through\b|\b(watched|rewatched)\b")]
    private static partial Regex PastReadingPattern();

    // Words that may be an order ("read the raft paper") or a past read ("read the chubby paper, what next", "loved
    // DDIA, what now"): a past read only with a next step below.
    [GeneratedRegex(@"(^|\b(ok|so|bot|also) )(re)?read\b|\b(did the|(we|i|just) did|covered|done|loved|liked|enjoyed|cover to cover|bounced off|was (great|good|amazing|excellent|fun|helpful|useful|fantastic|brilliant))\b")]
    private static partial Regex OrderOrPastPattern();

    // "what should i read to understand quorums" after "read the cassandra paper": a second read, asked, makes the first a past one.
    [GeneratedRegex(@"\b(next|now|deeper|deep end|further|then|follow ?ups?|after that|level up|beyond|else|from there|from here|newer|like (that|those|it)|similar|c[ao]mes? after|(should|do|can|would) (i|we) read)\b")]
    private static partial Regex NextStepPattern();
}
