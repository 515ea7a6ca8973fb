namespace Bot.Quality.Harness;

/// <summary>
/// Graded ranking metrics. DCG@k sums grade / log2(rank + 1) over the first k results (linear
/// gains, the standard log2 discount); nDCG divides by the DCG of the judged grades sorted best
/// first, so a list holding the best judged items in order scores 1.
/// </summary>
public static class RankingMetrics
{
    public const int Cutoff = 5;

    public static double Dcg(IEnumerable<int> gainsInRankOrder, int k = Cutoff) =>
        gainsInRankOrder.Take(k).Select((gain, index) => gain / Math.Log2(index + 2)).Sum();

    public static double IdealDcg(Grades grades, int k = Cutoff) =>
        Dcg(grades.ById.Values.OrderByDescending(g => g), k);

    /// <summary>nDCG@k of a ranked list of ids; a repeated id earns nothing the second time.</summary>
    public static double Ndcg(IEnumerable<string> rankedIds, Grades grades, int k = Cutoff)
    {
        var ideal = IdealDcg(grades, k);
        if (ideal <= 0)
        {
            throw new ArgumentException("nDCG is undefined without at least one positively judged id.", nameof(grades));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Dcg(rankedIds.Select(id => seen.Add(id) ? grades.Of(id) : 0), k) / ideal;
    }

    /// <summary>1 / rank of the first id accepted as correct; 0 when none is.</summary>
    public static double ReciprocalRank(IEnumerable<string> rankedIds, Func<string, bool> isCorrect)
    {
        var rank = 0;
        foreach (var id in rankedIds)
        {
            rank++;
            if (isCorrect(id))
            {
                return 1.0 / rank;
            }
        }

        return 0;
    }
}
