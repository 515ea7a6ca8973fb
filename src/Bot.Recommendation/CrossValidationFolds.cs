namespace Bot.Recommendation;

/// <summary>How judged examples (requests, messages) are split into cross-validation folds.</summary>
public enum FoldGrouping
{
    /// <summary>Example by example in turn: every fold holds some of every judge's work.</summary>
    Interleaved,

    /// <summary>Each judged set whole in one fold: a fold is measured only by a model trained on other judges' work, as a new reader's text is.</summary>
    BySet,
}

/// <summary>The fold assignment the ranker and the intent model share.</summary>
public static class CrossValidationFolds
{
    /// <summary>
    /// The fold of each example, given the judged set each came from. Interleaved: by position in turn. By set: whole
    /// sets, largest first (ties by name), each into the fold holding the fewest examples so far (ties to the lower
    /// fold), so the folds stay about the same size.
    /// </summary>
    public static int[] Assign(IReadOnlyList<string> sets, FoldGrouping grouping, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        if (grouping == FoldGrouping.Interleaved)
        {
            return Enumerable.Range(0, sets.Count).Select(i => i % folds).ToArray();
        }

        var sizes = new int[folds];
        var foldOfSet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            foldOfSet[set.Key] = smallest;
            sizes[smallest] += set.Count();
        }

        return sets.Select(s => foldOfSet[s]).ToArray();
    }
}
