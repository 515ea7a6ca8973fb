using System.Collections.Frozen;
using System.Text;

namespace Bot.Featurization;

/// <summary>
/// The one text analyzer of the bot, shared by indexing, query parsing, topic matching and paper lookup:
/// lower case, diacritics folded, anything that is not a letter, digit or '+' turned into a single space
/// (so tabs and newlines too), and the stop-word lists.
/// </summary>
/// <remarks>
/// Stop words come in three nested tiers. Grammar words ("the", "of", "which") carry nothing and are dropped
/// when text is indexed. Function words add the words of asking ("recommend", "beginner", "guide"): they say
/// what a reader wants but name no subject. Stop words add the field's generic words ("distributed",
/// "systems"): never an unknown topic, yet still part of the subject text.
/// </remarks>
public static class TextAnalyzer
{
    private static readonly FrozenSet<string> GrammarWords = new[]
    {
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anybody", "anyone", "anything", "are",
        "arent", "around", "as", "at", "be", "because", "been", "before", "behind", "being", "below", "beside",
        "besides", "between", "beyond", "both", "but", "by", "can", "cannot", "cant", "could", "did", "didnt", "do",
        "does", "doesnt", "doing", "done", "dont", "down", "during", "each", "either", "else", "even", "ever", "every",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "hows", "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it",
        "its", "itself", "ive", "just", "lets", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "neither", "no", "nor", "not", "of", "off", "often", "on", "once", "only", "onto", "or", "other", "others",
        "otherwise", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "same",
        "shall", "she", "should", "since", "so", "some", "somebody", "someone", "someones", "something", "such",
        "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "therefore",
        "theres", "these", "they", "theyre", "this", "those", "though", "through", "thus", "to", "too", "toward",
        "towards", "under", "unless", "until", "up", "upon", "us", "versus", "very", "via", "vs", "was", "wasnt",
        "we", "were", "what", "whatever", "whats", "when", "whenever", "where", "whereas", "wheres", "wherever",
        "whether", "which", "while", "who", "whoever", "whom", "whos", "whose", "why", "will", "with", "within",
        "without", "wont", "would", "yet", "you", "your", "youre", "yours", "yourself", "yourselves",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> RequestWords = new[]
    {
        "please", "pls", "plz", "thanks", "thank", "good", "great", "best", "nice", "recommend", "recommendation",
        "recommendations", "recommended", "suggest", "suggestion", "suggestions", "read", "reading", "reads", "learn",
        "learning", "study", "studying", "understand", "understanding", "want", "wanna", "need", "looking", "look",
        "find", "get", "give", "show", "tell", "know", "like", "resource", "resources", "material", "materials",
        "stuff", "things", "thing", "topic", "topics", "really", "new", "level", "hey", "hi", "hello", "folks", "guys",
        "everyone", "bot", "start", "started", "starting", "next", "first", "yes", "ok", "okay", "one", "two",
        "still", "now", "today", "week", "kind", "kinds", "type", "better", "deeper", "explain", "explains",
        "explained", "work", "works", "practical", "intro", "introduction", "introductory", "beginner", "beginners",
        "advanced", "intermediate", "guide", "guides", "difference", "compare", "comparison", "dive", "deep", "recs",
        "teach", "teaching", "myself",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words of the field itself: they carry no topic of their own, but they do describe what the reader wants.
    private static readonly FrozenSet<string> DomainWords = new[]
    {
        "distributed", "systems", "system", "computing", "computer", "software", "engineering", "distsys",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GrammarWordSpans = GrammarWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RequestWordSpans = RequestWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DomainWordSpans = DomainWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Lower case, diacritics folded, apostrophes dropped ("Lamport's" → "lamports"), every other character that
    /// is not a letter, digit or '+' turned into a space; runs of spaces collapse and the ends are trimmed.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var original in text)
        {
            if (DiacriticFolding.IsCombiningDiacritic(original))
            {
                continue;
            }

            var c = DiacriticFolding.Fold(original);
            if (char.IsLetterOrDigit(c) || c == '+')
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (c == '\'' || c == '\u2019')
            {
                // "I'm" -> "im", "Lamport's" -> "lamports": apostrophes join, they do not split.
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>The normalised words of the text.</summary>
    public static string[] Tokens(string? text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The text as it is indexed and featurized: its normalised words without grammar words, one space apart.</summary>
    public static string IndexText(string? text) =>
        string.Join(' ', Tokens(text).Where(token => !IsGrammarWord(token)));

    /// <summary>True for words that only hold a sentence together ("the", "which"); they are not indexed.</summary>
    public static bool IsGrammarWord(string normalizedToken) => GrammarWords.Contains(normalizedToken);

    /// <summary>True for grammar words and the words of asking ("recommend", "beginner"): they name no subject.</summary>
    public static bool IsFunctionWord(string normalizedToken) =>
        GrammarWords.Contains(normalizedToken) || RequestWords.Contains(normalizedToken);

    /// <summary><see cref="IsFunctionWord(string)"/> for a word inside a normalised text, without allocating it.</summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> normalizedToken) =>
        GrammarWordSpans.Contains(normalizedToken) || RequestWordSpans.Contains(normalizedToken);

    /// <summary><see cref="IsStopWord(string)"/> for a word inside a normalised text, without allocating it.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> normalizedToken) =>
        IsFunctionWord(normalizedToken) || DomainWordSpans.Contains(normalizedToken);

    /// <summary>True for function words and for the field's generic words ("systems"): neither is an unknown topic.</summary>
    public static bool IsStopWord(string normalizedToken) => IsFunctionWord(normalizedToken) || DomainWords.Contains(normalizedToken);
}
