using System.Globalization;
using Bot.Application;
using Bot.Catalog;
using Bot.Quality.Harness;
using Bot.Recommendation;
using Bot.Testing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- agreement</c>: how far two expert judges agree. A second judge, blind to the first judge's grades and to the
/// bot, graded 100 training requests again and named the five items to hand out first
/// (<c>Agreement/second-opinion.yaml</c>). Scores that five, the first judge's own order, the bot and Lucene's BM25
/// with nDCG@5 against each judge's grades, so the bot's held-out figures can be read against what a second expert scores.
/// </summary>
internal static class AgreementCommand
{
    private static readonly string SecondOpinionPath = Path.Combine(Repository.Root, "tests", "Bot.Benchmarks", "Agreement", "second-opinion.yaml");

    public static int Run(IReadOnlyList<string> args)
    {
        _ = args;
        if (!File.Exists(SecondOpinionPath))
        {
            Console.Error.WriteLine($"No second opinion at {SecondOpinionPath}.");
            return 2;
        }

        var second = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<SecondOpinionFile>(File.ReadAllText(SecondOpinionPath)).Queries;
        var first = JudgmentLoader.TrainingFolders
            .SelectMany(folder => JudgmentLoader.LoadRecommend(Path.Combine(JudgmentFolders.Tuned, folder)))
            .GroupBy(j => j.Input, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var assistant = new ReadingAssistant(new RecommendationEngine(catalog));
        using var baselines = Bm25Baselines.Build(catalog);

        var rows = new List<AgreementRow>();
        foreach (var query in second)
        {
            if (!first.TryGetValue(query.Input, out var judged))
            {
                Console.Error.WriteLine($"Not among the training judgments: {query.Input}");
                return 2;
            }

            var secondGrades = query.ToGrades();
            var firstOrder = judged.Grades.IdsWithGrade(Grades.Ideal).Concat(judged.Grades.IdsWithGrade(Grades.Good)).Concat(judged.Grades.IdsWithGrade(Grades.Acceptable)).ToList();
            var bot = assistant.Handle(query.Input).Items.Select(i => i.Id).ToList();
            var lucene = baselines.Lucene.Search(Fts5Baseline.UserWords(query.Input), QualityEvaluator.KindsFor(judged.Kind));
            rows.Add(new AgreementRow(
                judged.Level?.ToString().ToLowerInvariant() ?? "no level",
                SecondOnFirst: RankingMetrics.Ndcg(query.First, judged.Grades),
                FirstOnSecond: RankingMetrics.Ndcg(firstOrder, secondGrades),
                BotOnFirst: RankingMetrics.Ndcg(bot, judged.Grades),
                BotOnSecond: RankingMetrics.Ndcg(bot, secondGrades),
                LuceneOnSecond: RankingMetrics.Ndcg(lucene, secondGrades)));
        }

        Console.WriteLine($"Agreement of two blind judges on {rows.Count} training requests (nDCG@5; the first judge's grades trained the bot):");
        Console.WriteLine("| requests | n | second judge's five, first judge's grades | first judge's order, second judge's grades | bot, first judge's grades (trained on) | bot, second judge's grades | Lucene BM25, second judge's grades |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Level).OrderBy(g => g.Key, StringComparer.Ordinal).Prepend(rows.GroupBy(_ => "all").Single()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count()} | {group.Average(r => r.SecondOnFirst):F3} | {group.Average(r => r.FirstOnSecond):F3} | {group.Average(r => r.BotOnFirst):F3} | {group.Average(r => r.BotOnSecond):F3} | {group.Average(r => r.LuceneOnSecond):F3} |"));
        }

        return 0;
    }

    private sealed record AgreementRow(string Level, double SecondOnFirst, double FirstOnSecond, double BotOnFirst, double BotOnSecond, double LuceneOnSecond);

    private sealed class SecondOpinionFile
    {
        public List<SecondOpinion> Queries { get; set; } = [];
    }

    private sealed class SecondOpinion
    {
        public string Input { get; set; } = string.Empty;

        public List<string> First { get; set; } = [];

        public List<string> Ideal { get; set; } = [];

        public List<string> Good { get; set; } = [];

        public List<string> Acceptable { get; set; } = [];

        public Grades ToGrades() => new(
            Ideal.Select(id => (id, Grades.Ideal))
                .Concat(Good.Select(id => (id, Grades.Good)))
                .Concat(Acceptable.Select(id => (id, Grades.Acceptable)))
                .GroupBy(p => p.id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(p => p.Item2), StringComparer.Ordinal));
    }
}
