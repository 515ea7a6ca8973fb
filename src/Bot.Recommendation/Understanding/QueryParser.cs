using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>Reads level, kind and topic words out of what a user wrote.</summary>
public sealed class QueryParser
{
    private const int MaxPhraseTokens = 5;

    private static readonly Dictionary<string, Level> LevelPhrases = LevelVocabulary.All
        .GroupBy(p => TextAnalyzer.Normalize(p.Phrase), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Level, StringComparer.Ordinal);

    private static readonly HashSet<string> KindPhrases = KindVocabulary.Phrases
        .Select(TextAnalyzer.Normalize)
        .ToHashSet(StringComparer.Ordinal);

    private readonly TopicMatcher _topics;

    public QueryParser(TopicMatcher topics) => _topics = topics;

    public ParsedQuery Parse(string text)
    {
        var tokens = TextAnalyzer.Tokens(text);

        // Multi-word topic aliases go first, so that "post mortems" or "event sourcing" are not split by the
        // kind word "post" or similar before the topic can claim them.
        var (phraseMentions, inTopicPhrase) = _topics.Match(tokens, minTokens: 2);
        var consumed = new bool[tokens.Length];

        Level? level = null;
        string? levelPhrase = null;
        var kinds = new List<ResourceKind>();

        for (var i = 0; i < tokens.Length; i++)
        {
            for (var length = Math.Min(MaxPhraseTokens, tokens.Length - i); length >= 1; length--)
            {
                if (inTopicPhrase.AsSpan(i, length).Contains(true))
                {
                    continue;
                }

                var phrase = string.Join(' ', tokens, i, length);
                if (LevelPhrases.TryGetValue(phrase, out var found))
                {
                    if (level is null)
                    {
                        level = found;
                        levelPhrase = phrase;
                    }

                    Consume(consumed, i, length);
                    break;
                }

                if (KindPhrases.Contains(phrase))
                {
                    foreach (var kind in KindVocabulary.Lookup(phrase))
                    {
                        if (!kinds.Contains(kind))
                        {
                            kinds.Add(kind);
                        }
                    }

                    Consume(consumed, i, length);
                    break;
                }
            }
        }

        var levelOrKindOrPhrase = consumed.Zip(inTopicPhrase, (a, b) => a || b).ToArray();
        var (wordMentions, afterTopics) = _topics.Match(tokens, levelOrKindOrPhrase);
        var mentions = phraseMentions.Concat(wordMentions).DistinctBy(m => m.TopicId).ToList();
        var unknown = tokens
            .Where((token, index) => !afterTopics[index] && !TextAnalyzer.IsStopWord(token) && token.Length > 1)
            .ToList();
        var subjectWords = tokens.Where((token, index) => !consumed[index] && !TextAnalyzer.IsFunctionWord(token));

        return new ParsedQuery
        {
            Text = text,
            Level = level,
            LevelPhrase = levelPhrase,
            Kinds = kinds,
            Topics = mentions,
            UnknownWords = unknown,
            SubjectText = string.Join(' ', subjectWords),
        };
    }

    private static void Consume(bool[] consumed, int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            consumed[k] = true;
        }
    }
}
