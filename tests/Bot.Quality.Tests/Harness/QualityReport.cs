using System.Globalization;
using System.Text;
using Bot.Catalog;

namespace Bot.Quality.Harness;

public enum FigureFormat
{
    Score,
    Percent,
}

/// <summary>One number of the report; <see cref="Key"/> is what <see cref="Bound"/> refers to.</summary>
public sealed record Figure(string Key, string Label, double Value, int Count, FigureFormat Format)
{
    public string Display => Show(Value, Format);

    public static string Show(double value, FigureFormat format) => double.IsNaN(value)
        ? "n/a"
        : format == FigureFormat.Percent
            ? value.ToString("P1", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>A floor (<see cref="AtLeast"/>) or a ceiling (<see cref="AtMost"/>) on one figure.</summary>
public sealed record Bound(string Key, double? AtLeast = null, double? AtMost = null)
{
    public bool Holds(double value) => !double.IsNaN(value) && (AtLeast is null || value >= AtLeast) && (AtMost is null || value <= AtMost);

    public string Describe(FigureFormat format) =>
        AtLeast is { } min ? "≥ " + Figure.Show(min, format) : AtMost is { } max ? "≤ " + Figure.Show(max, format) : string.Empty;
}

public sealed record QualityReport(
    IReadOnlyList<RankedOutcome> Recommend,
    IReadOnlyList<PaperOutcome> Papers,
    IReadOnlyList<MessageOutcome> Messages,
    IReadOnlyList<RankedOutcome> MessageRankings)
{
    public const string RecommendNdcgKey = "recommend.ndcg5";
    public const string BaselineNdcgKey = "recommend.bm25.ndcg5";
    public const string Fts5NdcgKey = "recommend.bm25.fts5.ndcg5";
    public const string LuceneNdcgKey = "recommend.bm25.lucene.ndcg5";
    public const string BaselineLiftKey = "recommend.lift-over-bm25";
    public const string MessageNdcgKey = "messages.ndcg5";
    public const string PaperTop1Key = "paper.top1";
    public const string PaperMrrKey = "paper.mrr";
    public const string IntentAccuracyKey = "messages.intent-accuracy";
    public const string ChatterFalsePositiveKey = "messages.chatter-false-positive-rate";
    public const string RequestMissKey = "messages.request-miss-rate";
    public const string MessagePaperTop1Key = "messages.paper-top1";
    public const string MessageLevelKey = "messages.level-accuracy";
    public const string MessageTopicKey = "messages.topic-accuracy";
    public const string MessageKindKey = "messages.kind-accuracy";
    public const string RecommendLevelKey = "recommend.level-accuracy";
    public const string RecommendTopicKey = "recommend.topic-accuracy";
    public const string RecommendKindKey = "recommend.kind-accuracy";

    public TimeSpan Elapsed { get; init; }

    public double RecommendNdcg => Mean(Recommend.Select(o => o.Ndcg));

    public double Fts5Ndcg => Mean(Recommend.Select(o => o.Fts5Ndcg ?? double.NaN));

    public double LuceneNdcg => Mean(Recommend.Select(o => o.LuceneNdcg ?? double.NaN));

    /// <summary>The stronger BM25 baseline on these /recommend queries: the one the ranker is compared with.</summary>
    public string BaselineName => LuceneIsStronger ? "Lucene.Net" : "SQLite FTS5";

    /// <summary>nDCG@5 of the stronger of the two BM25 baselines.</summary>
    public double BaselineNdcg => LuceneIsStronger ? LuceneNdcg : Fts5Ndcg;

    private bool LuceneIsStronger => !double.IsNaN(LuceneNdcg) && (double.IsNaN(Fts5Ndcg) || LuceneNdcg > Fts5Ndcg);

    /// <summary>Relative improvement of the ranker's nDCG@5 over the stronger BM25's: 0.25 means 25% better.</summary>
    public double BaselineLift => BaselineNdcg > 0 ? RecommendNdcg / BaselineNdcg - 1 : double.PositiveInfinity;

    public double MessageNdcg => Mean(MessageRankings.Select(o => o.Ndcg));

    public double PaperTop1 => Rate(Papers, p => p.Top1);

    public double PaperMrr => Mean(Papers.Select(p => p.ReciprocalRank));

    public double IntentAccuracy => Rate(Messages, m => m.IntentCorrect);

    public double ChatterFalsePositiveRate => Rate(Messages.Where(m => m.IsChatter), m => m.Answered);

    public double RequestMissRate => Rate(Messages.Where(m => !m.IsChatter), m => !m.Answered);

    public IReadOnlyList<Figure> Figures()
    {
        var chatter = Messages.Where(m => m.IsChatter).ToList();
        var requests = Messages.Where(m => !m.IsChatter).ToList();
        var paperMessages = Messages.Where(m => m.Judgment.Expect == ExpectedIntent.Paper).ToList();
        var figures = new List<Figure>
        {
            new(RecommendNdcgKey, "/recommend nDCG@5, ranker", RecommendNdcg, Recommend.Count, FigureFormat.Score),
            new(Fts5NdcgKey, "/recommend nDCG@5, BM25 (SQLite FTS5)", Fts5Ndcg, Recommend.Count, FigureFormat.Score),
            new(LuceneNdcgKey, "/recommend nDCG@5, BM25 (Lucene.Net)", LuceneNdcg, Recommend.Count, FigureFormat.Score),
            new(BaselineNdcgKey, "/recommend nDCG@5, stronger BM25", BaselineNdcg, Recommend.Count, FigureFormat.Score),
            new(BaselineLiftKey, "ranker over the stronger BM25 (relative)", BaselineLift, Recommend.Count, FigureFormat.Percent),
        };
        foreach (var level in new Level?[] { Level.Beginner, Level.Intermediate, Level.Advanced, null })
        {
            var group = Recommend.Where(o => o.Level == level).ToList();
            var name = level?.ToString().ToLowerInvariant() ?? "no level";
            figures.Add(new($"recommend.ndcg5.{name.Replace(' ', '-')}", $"  nDCG@5 {name}: ranker", Mean(group.Select(o => o.Ndcg)), group.Count, FigureFormat.Score));
            figures.Add(new($"recommend.bm25.ndcg5.{name.Replace(' ', '-')}", $"  nDCG@5 {name}: {BaselineName}", Mean(group.Select(o => Baseline(o) ?? double.NaN)), group.Count, FigureFormat.Score));
        }

        figures.AddRange(
        [
            new(RecommendLevelKey, "/recommend level understood", Rate(Recommend.Where(o => o.LevelUnderstood is not null), o => o.LevelUnderstood == true), Recommend.Count(o => o.LevelUnderstood is not null), FigureFormat.Percent),
            new(RecommendKindKey, "/recommend kind understood", Rate(Recommend.Where(o => o.KindUnderstood is not null), o => o.KindUnderstood == true), Recommend.Count(o => o.KindUnderstood is not null), FigureFormat.Percent),
            new(RecommendTopicKey, "/recommend topic understood", Rate(Recommend, o => o.TopicUnderstood), Recommend.Count, FigureFormat.Percent),
            new(PaperTop1Key, "/paper top-1 accuracy", PaperTop1, Papers.Count, FigureFormat.Percent),
            new(PaperMrrKey, "/paper MRR", PaperMrr, Papers.Count, FigureFormat.Score),
            new(IntentAccuracyKey, "messages: intent accuracy", IntentAccuracy, Messages.Count, FigureFormat.Percent),
            new(ChatterFalsePositiveKey, "messages: chatter answered (false positives)", ChatterFalsePositiveRate, chatter.Count, FigureFormat.Percent),
            new(RequestMissKey, "messages: requests left unanswered", RequestMissRate, requests.Count, FigureFormat.Percent),
            new(MessageNdcgKey, "messages: recommend nDCG@5, ranker", MessageNdcg, MessageRankings.Count, FigureFormat.Score),
            new("messages.bm25.fts5.ndcg5", "messages: recommend nDCG@5, BM25 (FTS5)", Mean(MessageRankings.Select(o => o.Fts5Ndcg ?? double.NaN)), MessageRankings.Count, FigureFormat.Score),
            new("messages.bm25.lucene.ndcg5", "messages: recommend nDCG@5, BM25 (Lucene)", Mean(MessageRankings.Select(o => o.LuceneNdcg ?? double.NaN)), MessageRankings.Count, FigureFormat.Score),
            // Every request that states a level, asks a kind or names topics counts, graded or not; one the bot left
            // unanswered or took for a paper lookup counts as not understood.
            new(MessageLevelKey, "messages: level understood", Rate(Messages.Where(o => o.LevelUnderstood is not null), o => o.LevelUnderstood == true), Messages.Count(o => o.LevelUnderstood is not null), FigureFormat.Percent),
            new(MessageKindKey, "messages: kind understood", Rate(Messages.Where(o => o.KindUnderstood is not null), o => o.KindUnderstood == true), Messages.Count(o => o.KindUnderstood is not null), FigureFormat.Percent),
            new(MessageTopicKey, "messages: topic understood", Rate(Messages.Where(o => o.TopicUnderstood is not null), o => o.TopicUnderstood == true), Messages.Count(o => o.TopicUnderstood is not null), FigureFormat.Percent),
            new(MessagePaperTop1Key, "messages: paper top-1", Rate(paperMessages, m => m.Returned.Count > 0 && m.Judgment.IsCorrectPaper(m.Returned[0])), paperMessages.Count, FigureFormat.Percent),
        ]);
        return figures;
    }

    /// <summary>The bounds that do not hold, as sentences; empty when every figure is within its bound.</summary>
    public IReadOnlyList<string> Violations(IEnumerable<Bound> bounds)
    {
        var figures = Figures().ToDictionary(f => f.Key);
        var violations = new List<string>();
        foreach (var bound in bounds)
        {
            if (!figures.TryGetValue(bound.Key, out var figure))
            {
                violations.Add($"{bound.Key}: no such figure");
            }
            else if (!bound.Holds(figure.Value))
            {
                violations.Add($"{figure.Label} is {figure.Display}, outside {bound.Describe(figure.Format)}");
            }
        }

        return violations;
    }

    /// <summary>The lowest-scoring graded lists, worst first.</summary>
    public IReadOnlyList<RankedOutcome> Worst(int count) =>
        Recommend.Concat(MessageRankings).OrderBy(o => o.Ndcg).ThenBy(o => o.Input, StringComparer.Ordinal).Take(count).ToList();

    public string Format(IReadOnlyList<Bound> bounds, int worst = 10)
    {
        var byKey = bounds.ToDictionary(b => b.Key);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Quality: {Recommend.Count} /recommend queries, {Papers.Count} /paper lookups, {Messages.Count} messages ({Messages.Count(m => m.IsChatter)} chatter); {Elapsed.TotalSeconds:0.0} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"figure",-46} {"n",4} {"value",8}  {"bound",-9} status");
        foreach (var figure in Figures())
        {
            var bound = byKey.GetValueOrDefault(figure.Key);
            var status = bound is null ? string.Empty : bound.Holds(figure.Value) ? "ok" : "BELOW FLOOR";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Label,-46} {figure.Count,4} {figure.Display,8}  {bound?.Describe(figure.Format) ?? string.Empty,-9} {status}").TrimEnd());
        }

        if (worst <= 0)
        {
            // Figures only: the held-out set's answers are not listed.
            return text.ToString();
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Worst {worst} graded answers (returned ids with their judged grade; ideal = best judged ids):");
        foreach (var outcome in Worst(worst))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {outcome.Ndcg:0.000}  {outcome.Input}   (FTS5 {outcome.Fts5Ndcg:0.000}, Lucene {outcome.LuceneNdcg:0.000})");
            text.AppendLine(CultureInfo.InvariantCulture, $"         got:   {Graded(outcome.Returned, outcome.Grades)}");
            if (outcome.Returned.Count == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"         reply: {outcome.Intent}{(outcome.Message is null ? string.Empty : ": " + outcome.Message)}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"         ideal: {Graded(outcome.Grades.ById.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(RankingMetrics.Cutoff).Select(p => p.Key).ToList(), outcome.Grades)}");
        }

        var paperMisses = Papers.Where(p => !p.Top1).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"/paper misses ({paperMisses.Count}):");
        foreach (var miss in paperMisses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  /paper {miss.Judgment.Query} -> {(miss.Returned.Count == 0 ? miss.Intent : string.Join(", ", miss.Returned.Take(3)))}; expected {miss.Judgment.Expect ?? "no match"}");
        }

        var intentMisses = Messages.Where(m => !m.IntentCorrect).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Message intent misses ({intentMisses.Count}):");
        foreach (var miss in intentMisses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  \"{miss.Judgment.Text}\" -> {miss.Intent}; expected {miss.Judgment.Expect.ToString().ToLowerInvariant()}");
        }

        return text.ToString();
    }

    private double? Baseline(RankedOutcome outcome) => LuceneIsStronger ? outcome.LuceneNdcg : outcome.Fts5Ndcg;

    private static string Graded(IReadOnlyList<string> ids, Grades grades) =>
        ids.Count == 0 ? "(nothing)" : string.Join(", ", ids.Select(id => $"{id}({grades.Of(id)})"));

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    private static double Rate<T>(IEnumerable<T> items, Func<T, bool> predicate) => Mean(items.Select(i => predicate(i) ? 1.0 : 0.0));
}
