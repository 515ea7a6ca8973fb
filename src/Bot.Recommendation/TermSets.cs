namespace Bot.Recommendation;

/// <summary>
/// One set of terms per row, stored as sorted term ids in two flat arrays (row offsets, ids) over one shared term
/// dictionary: at 100,000 rows of a few dozen terms, a hash set of strings per row costs twenty times as much.
/// Immutable after construction; safe for concurrent reads.
/// </summary>
internal sealed class TermSets
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly int[] _documentFrequency;

    /// <summary>Row <c>i</c> holds the distinct terms of <c>rows[i]</c> (compared ordinally).</summary>
    public TermSets(IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new List<int> { 0 };
        var terms = new List<int>();
        var frequency = new List<int>();
        var row = new List<int>();
        foreach (var words in rows)
        {
            row.Clear();
            foreach (var word in words)
            {
                if (!_ids.TryGetValue(word, out var id))
                {
                    id = _ids.Count;
                    _ids.Add(word, id);
                    frequency.Add(0);
                }

                row.Add(id);
            }

            row.Sort();
            var previous = -1;
            foreach (var id in row)
            {
                if (id != previous)
                {
                    terms.Add(id);
                    frequency[id]++;
                    previous = id;
                }
            }

            offsets.Add(terms.Count);
        }

        _offsets = [.. offsets];
        _terms = [.. terms];
        _documentFrequency = [.. frequency];
        _ids.TrimExcess();
    }

    /// <summary>How many rows are stored.</summary>
    public int RowCount => _offsets.Length - 1;

    /// <summary>How many distinct terms the rows hold.</summary>
    public int TermCount => _documentFrequency.Length;

    /// <summary>The id of <paramref name="term"/>, or -1 when no row holds it.</summary>
    public int IdOf(string term) => _ids.TryGetValue(term, out var id) ? id : -1;

    /// <summary>How many rows hold the term with id <paramref name="termId"/>.</summary>
    public int DocumentFrequency(int termId) => _documentFrequency[termId];

    /// <summary>Whether row <paramref name="row"/> holds the term with id <paramref name="termId"/>.</summary>
    public bool Contains(int row, int termId) =>
        _terms.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]).BinarySearch(termId) >= 0;
}
