namespace Bot.Recommendation;

/// <summary>
/// Shares equal strings while per-item tables are built: at 100,000 items the same few thousand words would
/// otherwise each be held once per item that uses them. Used during construction only, then dropped.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public string Share(string value) => _shared.TryGetValue(value, out var shared) ? shared : _shared[value] = value;

    /// <summary>The distinct values, shared, in first-seen order: a set small enough that a linear search beats hashing.</summary>
    public string[] DistinctShared(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Select(Share)];
}
