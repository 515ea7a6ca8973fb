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

/// <summary>What the bot made of a labelled message: its intent, the ids it returned, and the level, kind and topics it read.</summary>
public sealed record MessageOutcome(
    MessageJudgment Judgment, string Intent, IReadOnlyList<string> Returned, Level? Level = null, ResourceKind? Kind = null, IReadOnlyList<string>? Topics = null)
{
    /// <summary>For a request that states a level: answered as a request at that level (null when none is stated).</summary>
    public bool? LevelUnderstood => Judgment.Expect == ExpectedIntent.Recommend && Judgment.Level is { } level ? Intent == "recommend" && Level == level : null;

    /// <summary>For a request that asks a kind: answered as a request of that kind (null when none is asked).</summary>
    public bool? KindUnderstood => Judgment.Expect == ExpectedIntent.Recommend && Judgment.Kind is { } kind ? Intent == "recommend" && Kind == kind : null;

    /// <summary>For a request with judged topics: answered as a request on one of them (null otherwise).</summary>
    public bool? TopicUnderstood => Judgment.Expect == ExpectedIntent.Recommend && Judgment.Topics.Count > 0
        ? Intent == "recommend" && (Topics ?? []).Intersect(Judgment.Topics).Any()
        : null;

    public bool Answered => Intent != "none";

    public bool IntentCorrect => Intent == Judgment.Expect.ToString().ToLowerInvariant();

    public bool IsChatter => Judgment.Expect == ExpectedIntent.None;
}
