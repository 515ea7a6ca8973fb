using Bot.Catalog;

namespace Bot.Recommendation.Understanding;

/// <summary>Reads level, kind and topic words out of what a user wrote.</summary>
public sealed class QueryParser
{
    private const int MaxPhraseTokens = 5;

    private static readonly Dictionary<string, Level> LevelPhrases = LevelVocabulary.All
        .GroupBy(p => MatchText.Normalize(p.Phrase), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Level, StringComparer.Ordinal);

    private static readonly HashSet<string> KindPhrases = KindVocabulary.Phrases
        .Select(MatchText.Normalize)
        .ToHashSet(StringComparer.Ordinal);

    private readonly TopicMatcher _topics;

    public QueryParser(TopicMatcher topics) => _topics = topics;

    public ParsedQuery Parse(string text)
    {
        var tokens = MatchText.Tokens(text);
        var consumed = new bool[tokens.Length];

        Level? level = null;
        string? levelPhrase = null;
        var kinds = new List<ResourceKind>();

        for (var i = 0; i < tokens.Length; i++)
        {
            for (var length = Math.Min(MaxPhraseTokens, tokens.Length - i); length >= 1; length--)
            {
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

        var (mentions, afterTopics) = _topics.Match(tokens, consumed);
        var unknown = tokens
            .Where((token, index) => !afterTopics[index] && !StopWords.Contains(token) && token.Length > 1)
            .ToList();
        var subjectWords = tokens.Where((token, index) => !consumed[index] && !StopWords.Contains(token));

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
