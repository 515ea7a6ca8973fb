using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>Reads level, kind and topic words out of what a user wrote.</summary>
public sealed class QueryParser
{
    /// <summary>The topic of the field as a whole, for requests that name only the field.</summary>
    public const string FieldTopicId = "fundamentals";

    private const int MaxPhraseTokens = 5;

    private static readonly Dictionary<string, Level> LevelPhrases = LevelVocabulary.All
        .GroupBy(p => TextAnalyzer.Normalize(p.Phrase), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Level, StringComparer.Ordinal);

    private static readonly HashSet<string> NegatingWords = new(StringComparer.Ordinal) { "not", "no", "nothing", "isnt", "dont", "without" };

    private const int KindNegationReach = 3;

    private static readonly HashSet<string> KindNegationFillers = new(StringComparer.Ordinal)
    {
        "want", "need", "research", "academic", "scientific", "formal", "dense", "heavy", "long", "big", "whole", "full",
        "thick", "another", "other", "original", "actual",
    };

    private static readonly HashSet<string> NegationFillers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "for", "that", "so", "too", "very", "really", "just", "any", "more",
    };

    // Words that say the reader already has what follows ("I know the ACID basics").
    private static readonly HashSet<string> KnowingWords = new(StringComparer.Ordinal)
    {
        "know", "knows", "knew", "get", "got", "understand", "understood", "done", "comfortable", "past", "beyond",
    };

    // How many words of a name may stand between "the" and the kind word that names the item ("the amazon formal methods paper").
    private const int NamedItemReach = 4;

    private static readonly HashSet<string> SingularKindWords = new(StringComparer.Ordinal)
    {
        "paper", "whitepaper", "book", "textbook", "talk", "post", "blog post", "article", "essay", "course", "lecture", "video",
    };

    private static readonly HashSet<string> QualityWords = new(StringComparer.Ordinal)
    {
        "best", "good", "great", "right", "definitive", "canonical", "standard", "classic", "original", "first", "next", "one",
    };

    private static readonly HashSet<string> KindPhrases = KindVocabulary.Phrases
        .Select(TextAnalyzer.Normalize)
        .ToHashSet(StringComparer.Ordinal);

    private readonly TopicMatcher _topics;

    public QueryParser(TopicMatcher topics) => _topics = topics;

    public ParsedQuery Parse(string text)
    {
        var tokens = TextAnalyzer.Tokens(text);
        var saysRead = ReadingHistory.SaysAlreadyRead(string.Join(' ', tokens));

        // Multi-word topic aliases go first, so that "post mortems" or "event sourcing" are not split by the
        // kind word "post" or similar before the topic can claim them.
        var (phraseMentions, inTopicPhrase) = _topics.Match(tokens, minTokens: 2);
        var consumed = new bool[tokens.Length];

        Level? level = null;
        string? levelPhrase = null;
        var levelLength = 0;
        var kinds = new List<ResourceKind>();
        var excludedKinds = new List<ResourceKind>();

        for (var i = 0; i < tokens.Length; i++)
        {
            for (var length = Math.Min(MaxPhraseTokens, tokens.Length - i); length >= 1; length--)
            {
                if (inTopicPhrase.AsSpan(i, length).Contains(true))
                {
                    continue;
                }

                var phrase = string.Join(' ', tokens, i, length);
                if (LevelPhrases.TryGetValue(phrase, out var found) && !LevelVocabulary.IsOtherSense(tokens, i, length))
                {
                    if (IsNegated(tokens, i))
                    {
                        // "not the getting started guide", "not for beginners": the words say what the reader does not want.
                        Consume(consumed, i, length);
                        break;
                    }

                    if (found == Level.Beginner && phrase is "basics" or "basic" && SaysKnown(tokens, i))
                    {
                        // "I know the ACID basics", "got the raft basics down": past the beginner stage.
                        found = Level.Intermediate;
                    }

                    // The longest level phrase wins, as the most specific ("I know the basics" over "from scratch"); of two as
                    // long the later, which qualifies the earlier ("I already know pbft pretty well").
                    if (level is null || length >= levelLength)
                    {
                        level = found;
                        levelPhrase = phrase;
                        levelLength = length;
                    }

                    Consume(consumed, i, length);
                    break;
                }

                if (KindPhrases.Contains(phrase) && !KindVocabulary.IsOtherSense(tokens, i, length))
                {
                    if (saysRead && NamesOneItem(tokens, i, phrase))
                    {
                        // "read the raft paper, what next": the paper read, not a kind asked for.
                        Consume(consumed, i, length);
                        break;
                    }

                    // "not a research paper please": the reader rules that kind out rather than asking for it.
                    var target = IsKindNegated(tokens, i) ? excludedKinds : kinds;
                    foreach (var kind in KindVocabulary.Lookup(phrase))
                    {
                        if (!target.Contains(kind))
                        {
                            target.Add(kind);
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
            ExcludedKinds = excludedKinds.Where(kind => !kinds.Contains(kind)).ToList(),
            Topics = mentions,
            UnknownWords = unknown,
            NamesOnlyTheField = mentions.Count == 0 && NamesTheField(tokens, unknown.Count),
            SaysRead = saysRead,
            SubjectText = string.Join(' ', subjectWords),
        };
    }

    /// <summary>
    /// "distributed systems", "distributed computing" or "distsys" (misspelt too) name the field; "distributed" alone
    /// does only when nothing else in the request could be an unknown topic ("distributed banana" is not the field).
    /// </summary>
    private static bool NamesTheField(string[] tokens, int unknownWords)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is "distsys" or "distsystems")
            {
                return true;
            }

            if (!IsNear(tokens[i], "distributed"))
            {
                continue;
            }

            if (i + 1 < tokens.Length && (IsNear(tokens[i + 1], "systems") || IsNear(tokens[i + 1], "system") || tokens[i + 1] is "sys" or "computing"))
            {
                return true;
            }

            if (unknownWords == 0)
            {
                return true;
            }
        }

        return false;
    }

    // A negating word just before a level phrase, or before one filler ("not the getting started guide"); a kind word
    // reaches further, past fillers that qualify it ("no academic papers", "not a research paper", "don't want a
    // book"), while "no idea which book" still asks for a book.
    private static bool IsNegated(string[] tokens, int index) => IsNegated(tokens, index, reach: 1, extraFillers: null);

    private static bool IsKindNegated(string[] tokens, int index) => IsNegated(tokens, index, KindNegationReach, KindNegationFillers);

    // A negating word among the words before index, with only fillers between it and index; at most reach + 1 words back.
    private static bool IsNegated(string[] tokens, int index, int reach, HashSet<string>? extraFillers)
    {
        for (var k = index - 1; k >= Math.Max(0, index - 1 - reach); k--)
        {
            if (NegatingWords.Contains(tokens[k]))
            {
                return true;
            }

            if (!NegationFillers.Contains(tokens[k]) && extraFillers?.Contains(tokens[k]) != true)
            {
                return false;
            }
        }

        return false;
    }

    // A singular kind word after "the" and a few words of a name ("the raft paper", "the SRE book", "the BUGGIFY post")
    // points at one item; "the best book on raft" still asks for a book.
    private static bool NamesOneItem(string[] tokens, int index, string phrase)
    {
        if (!SingularKindWords.Contains(phrase))
        {
            return false;
        }

        for (var k = index - 1; k >= Math.Max(0, index - 1 - NamedItemReach); k--)
        {
            if (tokens[k] == "the")
            {
                return k < index - 1;
            }

            if (QualityWords.Contains(tokens[k]) || TextAnalyzer.IsFunctionWord(tokens[k]))
            {
                return false;
            }
        }

        return false;
    }

    private static bool SaysKnown(string[] tokens, int index)
    {
        for (var k = Math.Max(0, index - 3); k < index; k++)
        {
            if (KnowingWords.Contains(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNear(string token, string word) =>
        token == word || FuzzyMatcher.EditDistance(token, word, FuzzyMatcher.AllowedTypos(word.Length)) <= FuzzyMatcher.AllowedTypos(word.Length);

    private static void Consume(bool[] consumed, int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            consumed[k] = true;
        }
    }
}
