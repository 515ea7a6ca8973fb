namespace Bot.Application;

/// <summary>A typed command split into its name, "key:value" options and positional words.</summary>
public sealed record TypedCommand(string Name, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Positional)
{
    /// <summary>The command word of "/recommend consensus", lower-cased ("recommend"); empty for "/".</summary>
    public static string NameOf(string input) =>
        input.Trim().TrimStart('/').Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            ? first.ToLowerInvariant()
            : string.Empty;

    /// <summary>
    /// Options whose value is one word (a level, a kind, a number): the words after it are the command's own, so
    /// "/recommend level:beginner kind:book leader election" asks for books on leader election.
    /// </summary>
    public static IReadOnlySet<string> OneWordOptions { get; } = new HashSet<string>(StringComparer.Ordinal) { "level", "kind", "count", "page", "rating" };

    /// <summary>
    /// Splits "/recommend topic:leader election level:beginner" or "/recommend consensus beginner".
    /// Any other option's value runs until the next "key:" so values may contain spaces ("topic:leader election");
    /// a <see cref="OneWordOptions"/> value is one word, also when typed after a space ("level: beginner").
    /// Quotes are dropped.
    /// </summary>
    public static TypedCommand Parse(string input, IReadOnlySet<string> optionNames)
    {
        var words = input.Trim().TrimStart('/').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = NameOf(input);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        string? currentKey = null;
        foreach (var raw in words.Skip(1))
        {
            var word = raw.Trim('"', '\'', '\u201c', '\u201d');
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && optionNames.Contains(word[..colon].ToLowerInvariant()))
            {
                currentKey = word[..colon].ToLowerInvariant();
                options[currentKey] = word[(colon + 1)..];
                if (OneWordOptions.Contains(currentKey) && options[currentKey].Length > 0)
                {
                    currentKey = null;
                }

                continue;
            }

            if (currentKey is not null)
            {
                options[currentKey] = (options[currentKey] + " " + word).Trim();
                if (OneWordOptions.Contains(currentKey))
                {
                    currentKey = null;
                }
            }
            else if (word.Length > 0)
            {
                positional.Add(word);
            }
        }

        return new TypedCommand(name, options, positional);
    }
}
