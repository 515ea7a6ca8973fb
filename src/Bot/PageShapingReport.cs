using System.Globalization;
using Bot.Application.Training;
using Bot.Recommendation.Ranking;

namespace Bot.Host;

/// <summary>
/// <c>model train --cv-only --page-shaping</c>: nDCG@5 of the page a reader is shown, cross-validated. Each judged
/// request's candidates are ordered by the fold model that never saw it, then shaped into a page
/// (<see cref="PageShaper"/>: kinds mixed, near-duplicates apart, introductions first) with the shipped options and
/// with each diversity option changed in turn, side by side on the same fold models.
/// </summary>
internal static class PageShapingReport
{
    public static void Print(IReadOnlyList<QueryOutcome> outcomes)
    {
        var shaped = outcomes.Where(o => o.Query.Query is not null && o.Query.Source is not null).ToList();
        var modelOrder = shaped.Average(o => o.Ndcg);
        Console.WriteLine();
        Console.WriteLine($"Page shaping under cross-validation ({shaped.Count} requests; the fold models' scores, each page shaped as the bot shapes it):");
        Console.WriteLine("| page | nDCG@5 | change from shipped | requests better / worse |");
        Console.WriteLine("|---|---:|---:|---:|");
        var shipped = Served(shaped, RankingOptions.Default);
        Console.WriteLine(Invariant($"| model order, no shaping | {modelOrder:F4} | {modelOrder - shipped.Average():+0.0000;-0.0000} | |"));
        Console.WriteLine(Invariant($"| shipped options | {shipped.Average():F4} | | |"));
        foreach (var (name, options) in Variants())
        {
            var served = Served(shaped, options);
            var better = served.Where((n, i) => n > shipped[i] + 1e-9).Count();
            var worse = served.Where((n, i) => n < shipped[i] - 1e-9).Count();
            Console.WriteLine(Invariant($"| {name} | {served.Average():F4} | {served.Average() - shipped.Average():+0.0000;-0.0000} | {better} / {worse} |"));
        }
    }

    private static double[] Served(IReadOnlyList<QueryOutcome> outcomes, RankingOptions options)
    {
        var shapers = new Dictionary<CandidateSource, PageShaper>();
        return outcomes.Select(outcome =>
        {
            var source = outcome.Query.Source!;
            if (!shapers.TryGetValue(source, out var shaper))
            {
                shaper = new PageShaper(source.Index, options);
                shapers[source] = shaper;
            }

            var ranked = outcome.Ranking.Select((id, i) => (source.Index.PositionOf(id), outcome.Scores[i])).ToList();
            var page = shaper.Shape(ranked, outcome.Query.Query!, RankerTrainer.Cutoff);
            return RankerTrainer.NdcgOf(outcome.Query, page.Select(item => source.Index.Resources[item.Doc].Id));
        }).ToArray();
    }

    private static IEnumerable<(string Name, RankingOptions Options)> Variants()
    {
        var defaults = RankingOptions.Default;
        yield return ("no diversity (penalties 0, any kind may fill a page)", With(o =>
        {
            o.SameKindPenalty = 0;
            o.RedundancyPenalty = 0;
            o.SharedNicknamePenalty = 0;
            o.MaxPerKindPerPage = o.KindMixPageSize;
        }));
        yield return ($"max per kind {defaults.MaxPerKindPerPage - 1}", With(o => o.MaxPerKindPerPage--));
        yield return ($"max per kind {defaults.MaxPerKindPerPage - 1} and same-kind penalty 0.03 (the earlier page mix)", With(o =>
        {
            o.MaxPerKindPerPage--;
            o.SameKindPenalty = 0.03;
        }));
        foreach (var penalty in new[] { 0.015, 0.03, 0.06 })
        {
            yield return (Invariant($"same-kind penalty {penalty:0.###}"), With(o => o.SameKindPenalty = penalty));
        }

        foreach (var factor in new[] { 0.0, 0.5, 2.0 })
        {
            yield return (Invariant($"redundancy penalty {defaults.RedundancyPenalty * factor:0.###}"), With(o => o.RedundancyPenalty *= factor));
            yield return (Invariant($"shared-nickname penalty {defaults.SharedNicknamePenalty * factor:0.###}"), With(o => o.SharedNicknamePenalty *= factor));
        }

        foreach (var threshold in new[] { 0.15, 0.35, 0.5 })
        {
            yield return (Invariant($"redundancy threshold {threshold:0.##}"), With(o => o.RedundancyThreshold = threshold));
        }
    }

    private static RankingOptions With(Action<RankingOptions> change)
    {
        var options = RankingOptions.Default;
        change(options);
        return options.Validated();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
