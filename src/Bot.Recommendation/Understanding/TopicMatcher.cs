using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>A topic found in the user's words, with the phrase that named it.</summary>
public sealed record TopicMention(string TopicId, string Phrase, bool Fuzzy);

/// <summary>
/// Finds taxonomy topics in text through topic ids, names and aliases, longest phrase first,
/// tolerating small misspellings ("concensus", "byzantene") of longer words.
/// </summary>
public sealed class TopicMatcher
{
    private const int MaxPhraseTokens = 5;

    private readonly Dictionary<string, string[]> _phraseTopics = new(StringComparer.Ordinal);
    private readonly List<string> _fuzzyCandidates = [];
    private readonly HashSet<string> _taxonomyWords = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Topic> _topics;

    public TopicMatcher(IReadOnlyList<Topic> topics)
    {
        _topics = topics;
        foreach (var topic in topics)
        {
            var phrases = new[] { topic.Id.Replace('-', ' '), topic.Name }.Concat(topic.Aliases);
            foreach (var phrase in phrases)
            {
                var normalized = TextAnalyzer.Normalize(phrase);
                if (normalized.Length == 0)
                {
                    continue;
                }

                _taxonomyWords.UnionWith(normalized.Split(' '));

                if (_phraseTopics.TryGetValue(normalized, out var existing))
                {
                    if (!existing.Contains(topic.Id))
                    {
                        _phraseTopics[normalized] = [.. existing, topic.Id];
                    }
                }
                else
                {
                    _phraseTopics[normalized] = [topic.Id];
                    if (normalized.Length >= 5)
                    {
                        _fuzzyCandidates.Add(normalized);
                    }
                }
            }
        }
    }

    /// <summary>Topic mentions in order of appearance, and which token positions they used.</summary>
    public (IReadOnlyList<TopicMention> Mentions, bool[] Consumed) Match(IReadOnlyList<string> tokens, bool[]? alreadyConsumed = null) =>
        Match(tokens, alreadyConsumed, minTokens: 1);

    /// <summary>Only exact phrases of at least <paramref name="minTokens"/> words (no misspellings).</summary>
    public (IReadOnlyList<TopicMention> Mentions, bool[] Consumed) Match(IReadOnlyList<string> tokens, int minTokens) =>
        Match(tokens, null, minTokens);

    private (IReadOnlyList<TopicMention> Mentions, bool[] Consumed) Match(IReadOnlyList<string> tokens, bool[]? alreadyConsumed, int minTokens)
    {
        var consumed = alreadyConsumed is null ? new bool[tokens.Count] : (bool[])alreadyConsumed.Clone();
        var mentions = new List<TopicMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (consumed[i])
            {
                i++;
                continue;
            }

            var matchedLength = minTokens > 1 ? TryExactLongest(tokens, consumed, i, minTokens, mentions) : TryMatchAt(tokens, consumed, i, mentions);
            if (matchedLength > 0)
            {
                for (var k = i; k < i + matchedLength; k++)
                {
                    consumed[k] = true;
                }

                i += matchedLength;
            }
            else
            {
                i++;
            }
        }

        return (Deduplicate(mentions), consumed);
    }

    public IReadOnlyList<TopicMention> Match(string text) => Match(TextAnalyzer.Tokens(text)).Mentions;

    /// <summary>
    /// The topics whose ids, names or aliases are close to the text, for "did you mean"; empty when
    /// nothing is close enough to be a plausible intent. Close means at most a third of the letters wrong, the
    /// bound the catalog's own "did you mean" uses for a typo: "replicashun" is near "replication", while "cooking"
    /// (three letters from "logging") is not a misspelling of it.
    /// </summary>
    public IReadOnlyList<Topic> Nearest(string text, int count, double maxDistance = 1.0 / 3)
    {
        var query = TextAnalyzer.Normalize(text);
        if (query.Length == 0)
        {
            return [];
        }

        return _topics
            .Select(topic => (topic, distance: new[] { topic.Id.Replace('-', ' '), topic.Name }
                .Concat(topic.Aliases)
                .Select(TextAnalyzer.Normalize)
                .Min(phrase => Distance(query, phrase))))
            .Where(pair => pair.distance <= maxDistance)
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.topic.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.topic)
            .ToList();
    }

    private static double Distance(string query, string phrase)
    {
        if (phrase.StartsWith(query, StringComparison.Ordinal) || query.StartsWith(phrase, StringComparison.Ordinal))
        {
            return 0.1 * Math.Abs(phrase.Length - query.Length) / Math.Max(1, phrase.Length);
        }

        const int cap = 12;
        var distance = FuzzyMatcher.EditDistance(query, phrase, cap);
        return distance > cap ? 1.0 : (double)distance / Math.Max(query.Length, phrase.Length);
    }

    private int TryMatchAt(IReadOnlyList<string> tokens, bool[] consumed, int start, List<TopicMention> mentions)
    {
        var maxLength = Math.Min(MaxPhraseTokens, tokens.Count - start);
        for (var length = maxLength; length >= 2; length--)
        {
            if (TryExact(tokens, consumed, start, length, mentions))
            {
                return length;
            }
        }

        // A misspelt two-word phrase ("consistency hashing") beats an exact single word inside it.
        if (maxLength >= 2 && TryFuzzy(tokens, consumed, start, 2, mentions))
        {
            return 2;
        }

        if (maxLength >= 1 && (TryExact(tokens, consumed, start, 1, mentions) || TryFuzzy(tokens, consumed, start, 1, mentions)))
        {
            return 1;
        }

        return 0;
    }

    private int TryExactLongest(IReadOnlyList<string> tokens, bool[] consumed, int start, int minTokens, List<TopicMention> mentions)
    {
        for (var length = Math.Min(MaxPhraseTokens, tokens.Count - start); length >= minTokens; length--)
        {
            if (TryExact(tokens, consumed, start, length, mentions))
            {
                return length;
            }
        }

        return 0;
    }

    private bool TryExact(IReadOnlyList<string> tokens, bool[] consumed, int start, int length, List<TopicMention> mentions)
    {
        if (Enumerable.Range(start, length).Any(k => consumed[k]))
        {
            return false;
        }

        var phrase = string.Join(' ', tokens.Skip(start).Take(length));
        if (!_phraseTopics.TryGetValue(phrase, out var topicIds)
            && !(phrase.Length > 4 && phrase[^1] == 's' && _phraseTopics.TryGetValue(phrase[..^1], out topicIds)))
        {
            // The second look-up forgives a plural the taxonomy lists in the singular ("remote procedure calls").
            return false;
        }

        mentions.AddRange(topicIds.Select(id => new TopicMention(id, phrase, Fuzzy: false)));
        return true;
    }

    private bool TryFuzzy(IReadOnlyList<string> tokens, bool[] consumed, int start, int length, List<TopicMention> mentions)
    {
        if (Enumerable.Range(start, length).Any(k => consumed[k] || TextAnalyzer.IsStopWord(tokens[k])))
        {
            return false;
        }

        // A word the taxonomy itself uses ("sharing" in "fair sharing") is spelt right, not a misspelt "sharding".
        if (length == 1 && _taxonomyWords.Contains(tokens[start]))
        {
            return false;
        }

        var phrase = string.Join(' ', tokens.Skip(start).Take(length));
        var allowed = FuzzyMatcher.AllowedTypos(phrase.Length);
        if (allowed == 0)
        {
            return false;
        }

        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in _fuzzyCandidates)
        {
            if (candidate == phrase)
            {
                continue;
            }

            // A five-letter word is one substitution away from too many others ("lunch", "lynch"): only a
            // swapped pair of letters counts as its misspelling.
            if (phrase.Length == 5 && !FuzzyMatcher.IsAdjacentSwap(phrase, candidate))
            {
                continue;
            }

            var distance = FuzzyMatcher.EditDistance(phrase, candidate, allowed);
            if (distance < bestDistance && (length == 1 || EachWordNear(tokens, start, candidate)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return false;
        }

        mentions.AddRange(_phraseTopics[best].Select(id => new TopicMention(id, best, Fuzzy: true)));
        return true;
    }

    /// <summary>
    /// A misspelt phrase keeps its words: each must be a misspelling of the phrase's word in its place, so that
    /// "consistency hashing" is consistent hashing but "rpc design" is not "api design".
    /// </summary>
    private static bool EachWordNear(IReadOnlyList<string> tokens, int start, string candidate)
    {
        var words = candidate.Split(' ');
        for (var k = 0; k < words.Length; k++)
        {
            if (start + k >= tokens.Count)
            {
                return false;
            }

            var allowed = FuzzyMatcher.AllowedTypos(words[k].Length);
            if (FuzzyMatcher.EditDistance(tokens[start + k], words[k], allowed) > allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static List<TopicMention> Deduplicate(List<TopicMention> mentions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return mentions.Where(m => seen.Add(m.TopicId)).ToList();
    }
}
