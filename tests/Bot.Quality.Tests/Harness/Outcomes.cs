using Bot.Catalog;

namespace Bot.Quality.Harness;

/// <summary>A graded list the bot returned (a /recommend query or a recommend message), beside what each BM25 baseline returned.</summary>
public sealed record RankedOutcome(
    string Input,
    Level? Level,
    Grades Grades,
    IReadOnlyList<string> Returned,
    double Ndcg,
    IReadOnlyList<string>? Fts5Returned,
    double? Fts5Ndcg,
    bool? LevelUnderstood,
    bool? KindUnderstood,
    bool TopicUnderstood,
    string Intent,
    string? Message,
    IReadOnlyList<string>? LuceneReturned = null,
    double? LuceneNdcg = null);

public sealed record PaperOutcome(PaperJudgment Judgment, string Intent, IReadOnlyList<string> Returned, bool Top1, double ReciprocalRank);

public sealed record MessageOutcome(MessageJudgment Judgment, string Intent, IReadOnlyList<string> Returned)
{
    public bool Answered => Intent != "none";

    public bool IntentCorrect => Intent == Judgment.Expect.ToString().ToLowerInvariant();

    public bool IsChatter => Judgment.Expect == ExpectedIntent.None;
}
