using System.Text;

namespace Bot.Featurization;

/// <summary>
/// The one fuzzy matcher of the bot: how far apart two words are, and how far a word may be from another
/// and still count as its misspelling. Used by topic matching, paper lookup and the catalog's "did you mean".
/// </summary>
public static class FuzzyMatcher
{
    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped.</summary>
    /// <returns>The distance, or <paramref name="cap"/> + 1 as soon as it is known to exceed the cap.</returns>
    /// <remarks>Runs on the hot path of every request (misspelling checks), so short inputs use stack memory.</remarks>
    public static int EditDistance(string a, string b, int cap = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (cap < int.MaxValue && Math.Abs(a.Length - b.Length) > cap)
        {
            return cap + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > cap)
            {
                return cap + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>True when <paramref name="b"/> is <paramref name="a"/> with exactly one pair of neighbours swapped ("pbtf", "pbft").</summary>
    public static bool IsAdjacentSwap(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (first >= 0)
            {
                return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            }

            first = i;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="typed"/> is <paramref name="word"/> or a misspelling of it: within
    /// <see cref="AllowedTypos"/> edits as typed, or as spelled by ear (<see cref="SpellingKey"/>: "chubbie" is "chubby").
    /// </summary>
    public static bool IsMisspellingOf(string typed, string word) =>
        IsMisspellingOf(typed, SpellingKey(typed), word, SpellingKey(word));

    /// <summary>As <see cref="IsMisspellingOf(string, string)"/>, with both spelling keys computed once by a caller that compares one word with many.</summary>
    public static bool IsMisspellingOf(string typed, string typedKey, string word, string wordKey)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(typedKey);
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(wordKey);
        var allowed = AllowedTypos(typed.Length);
        return EditDistance(typed, word, allowed) <= allowed
            || (allowed > 0 && EditDistance(typedKey, wordKey, allowed) <= allowed);
    }

    /// <summary>
    /// A word as it sounds rather than as it is spelled: doubled letters once and a closing "ie" or "ey" as "y", the
    /// two commonest ways a name heard is mistyped ("frangipanni", "chubbie"), each of which costs two edits.
    /// </summary>
    public static string SpellingKey(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var end = word.Length;
        var closingY = end > 3 && ((word[end - 2] == 'i' && word[end - 1] == 'e') || (word[end - 2] == 'e' && word[end - 1] == 'y'));
        if (closingY)
        {
            end -= 2;
        }

        var key = new StringBuilder(end + 1);
        for (var i = 0; i < end; i++)
        {
            if (i == 0 || word[i] != word[i - 1])
            {
                key.Append(word[i]);
            }
        }

        if (closingY && (key.Length == 0 || key[^1] != 'y'))
        {
            key.Append('y');
        }

        return key.ToString();
    }

    /// <summary>How many edits a word of this length may carry and still count as a misspelling.</summary>
    public static int AllowedTypos(int length) => length switch
    {
        < 5 => 0,
        < 8 => 1,
        _ => 2,
    };
}
