using System.Collections.Frozen;

namespace Bot.Featurization;

/// <summary>
/// Stop-word removal applied to word tokens after normalisation and before n-grams are formed,
/// as ML.NET's <c>StopWordsRemovingEstimator.Options</c> (predefined list) and
/// <c>CustomStopWordsRemovingEstimator.Options</c> (caller's list). Tokens are compared with the list
/// ordinally, ignoring case, so list entries should be written as normalised text would read
/// (no diacritics, and no punctuation if punctuation is dropped).
/// </summary>
/// <remarks>
/// The English list is our own short list of function words rather than ML.NET's, so results differ from
/// ML.NET wherever the two lists differ. Topic words of the domain ("system", "distributed") are deliberately absent.
/// </remarks>
public sealed class StopWordsRemoverOptions
{
    private static readonly string[] _englishWords =
    [
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as",
        "at", "be", "because", "been", "before", "behind", "being", "below", "beside", "besides", "between", "beyond",
        "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
        "either", "else", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no",
        "nor", "not", "of", "off", "often", "on", "once", "only", "onto", "or", "other", "others", "otherwise", "ought",
        "our", "ours", "ourselves", "out", "over", "own", "per", "quite", "rather", "same", "shall", "she", "should",
        "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "therefore", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards",
        "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "whatever", "when",
        "whenever", "where", "whereas", "wherever", "whether", "which", "while", "who", "whoever", "whom", "whose", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "aren't", "can't", "didn't", "doesn't", "don't", "i'm", "i've", "isn't", "it's", "that's", "there's",
        "they're", "wasn't", "we're", "won't", "you're",
        "arent", "didnt", "doesnt", "dont", "im", "ive", "isnt", "thats", "theres", "theyre", "wasnt", "youre",
    ];

    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StopWordsRemoverOptions(string name, IEnumerable<string> words)
    {
        Name = name;
        _words = words
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w.Trim())
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in English list (our own; see remarks).</summary>
    public static StopWordsRemoverOptions English { get; } = new("English", _englishWords);

    /// <summary>A caller-supplied list. Blank entries are ignored and entries are trimmed.</summary>
    public static StopWordsRemoverOptions Custom(IEnumerable<string> stopWords)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        return new StopWordsRemoverOptions("Custom", stopWords);
    }

    /// <summary>"English" or "Custom".</summary>
    public string Name { get; }

    /// <summary>The words removed, compared ignoring case.</summary>
    public IReadOnlySet<string> StopWords => _words;

    internal bool Contains(ReadOnlySpan<char> token) => _lookup.Contains(token);
}
