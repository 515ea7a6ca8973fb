using System.Diagnostics;
using Bot.Application;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Understanding;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Quality.Harness;

/// <summary>Runs every judgment through the application layer and the two BM25 baselines (SQLite FTS5 and Lucene.Net).</summary>
public static class QualityEvaluator
{
    /// <summary>Loads the repository's catalog and judgments, builds the bot and the baseline, and evaluates.</summary>
    /// <param name="judgmentsDirectory">Where the judgment files are; default the tuned set, or its Holdout folder.</param>
    /// <param name="textOptions">Featurizer settings for the bot's text indexes (to compare variants); default the bot's own.</param>
    public static QualityReport RunOnRepository(string? judgmentsDirectory = null, TextFeaturizerOptions? textOptions = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var judgments = JudgmentLoader.Load(judgmentsDirectory ?? JudgmentFolders.Tuned);
        // The grading rules are checked on the tuned set by JudgmentSetTests; the blind sets are evaluated as written.
        var problems = judgments.Problems(catalog, gradingRules: false);
        if (problems.Count > 0)
        {
            throw new InvalidDataException("The judgments do not match the catalog:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        var assistant = new ReadingAssistant(new RecommendationEngine(catalog, textOptions: textOptions));
        using var baselines = Bm25Baselines.Build(catalog);
        return Evaluate(assistant, baselines, judgments) with { Elapsed = stopwatch.Elapsed };
    }

    public static QualityReport Evaluate(ReadingAssistant assistant, Bm25Baselines baselines, JudgmentSet judgments)
    {
        var recommend = judgments.Recommend.Select(j => EvaluateRecommend(assistant, baselines, j)).ToList();
        var papers = judgments.Papers.Select(j => EvaluatePaper(assistant, j)).ToList();
        var messages = new List<MessageOutcome>();
        var messageRankings = new List<RankedOutcome>();
        foreach (var judgment in judgments.Messages)
        {
            var reply = assistant.HandleMessage(judgment.Text, judgment.Addressed);
            messages.Add(new MessageOutcome(judgment, IntentName(reply), Ids(reply), reply.Level, reply.Kind, reply.Topics));
            if (judgment.Expect == ExpectedIntent.Recommend && RankingMetrics.IdealDcg(judgment.Grades) > 0)
            {
                messageRankings.Add(EvaluateRecommendMessage(reply, baselines, judgment));
            }
        }

        return new QualityReport(recommend, papers, messages, messageRankings);
    }

    /// <summary>The JSON contract's intent name of a reply: what a script reading `ask --json` sees.</summary>
    public static string IntentName(Reply reply) => IntentNames.Of(reply.Intent);

    /// <summary>The kinds the bot filters to when a kind is asked ("talk" also takes videos).</summary>
    public static IReadOnlyList<ResourceKind> KindsFor(ResourceKind? kind) => kind switch
    {
        null => [],
        { } k when KindVocabulary.Lookup(KindVocabulary.Name(k)) is { Count: > 0 } kinds => kinds,
        { } k => [k],
    };

    private static RankedOutcome EvaluateRecommend(ReadingAssistant assistant, Bm25Baselines baselines, RecommendJudgment judgment)
    {
        var reply = assistant.Handle(judgment.Input);
        var returned = Ids(reply);
        var words = Fts5Baseline.UserWords(judgment.Input);
        var fts5Returned = baselines.Fts5.Search(words, KindsFor(judgment.Kind));
        var luceneReturned = baselines.Lucene.Search(words, KindsFor(judgment.Kind));
        return new RankedOutcome(
            judgment.Input,
            judgment.Level,
            judgment.Grades,
            returned,
            RankingMetrics.Ndcg(returned, judgment.Grades),
            fts5Returned,
            RankingMetrics.Ndcg(fts5Returned, judgment.Grades),
            judgment.Level is null ? null : reply.Level == judgment.Level,
            judgment.Kind is null ? null : reply.Kind == judgment.Kind,
            reply.Topics.Intersect(judgment.Topics).Any(),
            IntentName(reply),
            reply.Message,
            luceneReturned,
            RankingMetrics.Ndcg(luceneReturned, judgment.Grades));
    }

    private static RankedOutcome EvaluateRecommendMessage(Reply reply, Bm25Baselines baselines, MessageJudgment judgment)
    {
        var returned = Ids(reply);
        var fts5Returned = baselines.Fts5.Search(judgment.Text, KindsFor(judgment.Kind));
        var luceneReturned = baselines.Lucene.Search(judgment.Text, KindsFor(judgment.Kind));
        return new RankedOutcome(
            judgment.Text,
            judgment.Level,
            judgment.Grades,
            returned,
            RankingMetrics.Ndcg(returned, judgment.Grades),
            fts5Returned,
            RankingMetrics.Ndcg(fts5Returned, judgment.Grades),
            judgment.Level is null ? null : reply.Intent == Intent.Recommend && reply.Level == judgment.Level,
            judgment.Kind is null ? null : reply.Intent == Intent.Recommend && reply.Kind == judgment.Kind,
            reply.Intent == Intent.Recommend && reply.Topics.Intersect(judgment.Topics).Any(),
            IntentName(reply),
            reply.Message,
            luceneReturned,
            RankingMetrics.Ndcg(luceneReturned, judgment.Grades));
    }

    private static PaperOutcome EvaluatePaper(ReadingAssistant assistant, PaperJudgment judgment)
    {
        var reply = assistant.Handle(judgment.Input);
        var returned = reply.Intent == Intent.Paper ? Ids(reply) : [];
        if (judgment.Expect is null)
        {
            var silent = returned.Count == 0;
            return new PaperOutcome(judgment, IntentName(reply), returned, silent, silent ? 1 : 0);
        }

        return new PaperOutcome(
            judgment,
            IntentName(reply),
            returned,
            returned.Count > 0 && judgment.IsCorrect(returned[0]),
            RankingMetrics.ReciprocalRank(returned, judgment.IsCorrect));
    }

    private static IReadOnlyList<string> Ids(Reply reply) => reply.Items.Select(i => i.Id).ToList();
}
