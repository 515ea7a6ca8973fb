using System.Globalization;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;

namespace Bot.Host;

/// <summary>
/// <c>model train --cv-only --misses</c>: where the cross-validated ranker loses nDCG@5 on the training judgments.
/// Each request's loss splits into what candidate generation never offered (1 − ceiling) and what the model ranked
/// below the top five (ceiling − nDCG), per kind of request, then the worst requests one by one.
/// </summary>
internal static class RankerMissesReport
{
    private const int WorstShown = 40;

    public static void Print(IReadOnlyList<QueryOutcome> outcomes, IReadOnlyList<RecommendJudgment> judgments, int dropped)
    {
        var judged = judgments.GroupBy(j => j.Input, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var all = outcomes.ToList();
        Console.WriteLine();
        Console.WriteLine($"Misses: {all.Count} requests under cross-validation; {dropped} more judged requests have no graded item among their candidates at all (left out of training and of nDCG).");
        Console.WriteLine(Invariant($"Candidate recall: ideal {Recall(all, 3):P1}, ideal or good {Recall(all, 2):P1}, any grade {Recall(all, 1):P1} of judged ids are among the candidates."));
        Console.WriteLine(Invariant($"Loss: mean nDCG@5 {all.Average(o => o.Ndcg):F4}; lost to candidate generation {all.Average(o => 1 - o.Ceiling):F4}, lost to ranking {all.Average(o => o.Ceiling - o.Ndcg):F4}."));
        Console.WriteLine();
        Console.WriteLine("| requests | n | nDCG@5 | ceiling | lost to ranking | ideal recall | ideal in top 5 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, members) in Segments(all, judged))
        {
            if (members.Count == 0)
            {
                continue;
            }

            Console.WriteLine(Invariant($"| {name} | {members.Count} | {members.Average(o => o.Ndcg):F4} | {members.Average(o => o.Ceiling):F4} | {members.Average(o => o.Ceiling - o.Ndcg):F4} | {Recall(members, 3):P0} | {IdealInTop(members):P0} |"));
        }

        PrintIdealRanks(all);
        Console.WriteLine();
        Console.WriteLine($"The {WorstShown} largest losses (grade per id; ✗ = ideal not among the candidates; rank of the ideal ids ranked lower):");
        foreach (var outcome in all.OrderBy(o => o.Ndcg - o.Ceiling).ThenBy(o => o.Query.Input, StringComparer.Ordinal).Take(WorstShown))
        {
            var query = outcome.Query;
            var understood = query.Query is { } q
                ? $"topics [{string.Join(", ", q.TopicIds)}] level {q.Level?.ToString() ?? "-"} kinds [{string.Join(", ", q.Kinds)}]{(q.ExcludedIds.Count > 0 ? $" read [{string.Join(", ", q.ExcludedIds)}]" : "")}"
                : "";
            var judgedTopics = judged.TryGetValue(query.Input, out var j) ? string.Join(", ", j.Topics) : "?";
            Console.WriteLine(Invariant($"- {query.Input}  (nDCG {outcome.Ndcg:F3}, ceiling {outcome.Ceiling:F3}; understood {understood}; judged topics [{judgedTopics}])"));
            Console.WriteLine($"    top 5: {string.Join(", ", outcome.Top.Select(id => $"{id}({query.Grades.Of(id)})"))}");
            var order = RankOf(outcome);
            var ideal = query.Grades.IdsWithGrade(Grades.Ideal).OrderBy(id => id, StringComparer.Ordinal)
                .Where(id => !outcome.Top.Contains(id))
                .Select(id => order.TryGetValue(id, out var rank) ? $"{id}@{rank + 1}" : $"{id}✗");
            Console.WriteLine($"    ideal missed: {string.Join(", ", ideal)}");
        }
    }

    private static IEnumerable<(string Name, List<QueryOutcome> Members)> Segments(List<QueryOutcome> all, Dictionary<string, RecommendJudgment> judged)
    {
        yield return ("all", all);
        var understood = all.Where(o => o.Query.Query is not null).ToList();
        yield return ("no level", understood.Where(o => o.Query.Query!.Level is null).ToList());
        foreach (var level in Enum.GetValues<Level>())
        {
            yield return ($"level {level}", understood.Where(o => o.Query.Query!.Level == level).ToList());
        }

        yield return ("kind asked", understood.Where(o => o.Query.Query!.Kinds.Count > 0).ToList());
        yield return ("no kind", understood.Where(o => o.Query.Query!.Kinds.Count == 0).ToList());
        yield return ("no topic understood", understood.Where(o => o.Query.Query!.TopicIds.Count == 0).ToList());
        yield return ("one topic", understood.Where(o => o.Query.Query!.TopicIds.Count == 1).ToList());
        yield return ("two or more topics", understood.Where(o => o.Query.Query!.TopicIds.Count >= 2).ToList());
        yield return ("judged two or more topics", all.Where(o => judged.TryGetValue(o.Query.Input, out var j) && j.Topics.Count >= 2).ToList());
        yield return ("topic missed (none of the judged)", all.Where(o => judged.TryGetValue(o.Query.Input, out var j) && j.Topics.Count > 0 && o.Query.Query is { } q && !q.TopicIds.Intersect(j.Topics).Any()).ToList());
        yield return ("reader history (items read)", understood.Where(o => o.Query.Query!.ExcludedIds.Count > 0).ToList());
        yield return ("free text (no /recommend)", all.Where(o => !o.Query.Input.StartsWith('/')).ToList());
        yield return ("/recommend command", all.Where(o => o.Query.Input.StartsWith('/')).ToList());
        yield return ("broad: no level, no kind, no words beyond topic", understood.Where(o => o.Query.Query!.Level is null && o.Query.Query.Kinds.Count == 0 && o.Query.Query.SubjectText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2).ToList());
    }

    /// <summary>Where the ideal ids that made the candidates but not the top five were ranked.</summary>
    private static void PrintIdealRanks(List<QueryOutcome> all)
    {
        var buckets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var outcome in all)
        {
            var order = RankOf(outcome);
            foreach (var id in outcome.Query.Grades.IdsWithGrade(Grades.Ideal))
            {
                total++;
                var bucket = !order.TryGetValue(id, out var rank) ? "9 not a candidate" : rank < 5 ? "1 top 5" : rank < 10 ? "2 ranks 6-10" : rank < 20 ? "3 ranks 11-20" : rank < 50 ? "4 ranks 21-50" : "5 below 50";
                buckets[bucket] = buckets.GetValueOrDefault(bucket) + 1;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Where the {total} ideal ids were ranked: {string.Join("; ", buckets.Select(b => Invariant($"{b.Key[2..]} {b.Value} ({b.Value / (double)total:P0})")))}");
    }

    /// <summary>Each candidate's rank (0-based) under the fold's model.</summary>
    private static Dictionary<string, int> RankOf(QueryOutcome outcome) =>
        outcome.Ranking.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

    private static double Recall(IReadOnlyList<QueryOutcome> outcomes, int minimumGrade)
    {
        var judgedIds = outcomes.Sum(o => o.Query.Grades.ById.Count(p => p.Value >= minimumGrade));
        var found = outcomes.Sum(o => o.Query.Ids.Count(id => o.Query.Grades.Of(id) >= minimumGrade));
        return judgedIds > 0 ? found / (double)judgedIds : 0;
    }

    private static double IdealInTop(IReadOnlyList<QueryOutcome> outcomes)
    {
        var ideal = outcomes.Sum(o => o.Query.Grades.IdsWithGrade(Grades.Ideal).Count());
        var top = outcomes.Sum(o => o.Top.Count(id => o.Query.Grades.Of(id) == Grades.Ideal));
        return ideal > 0 ? top / (double)ideal : 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
