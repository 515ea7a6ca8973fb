using Bot.Catalog;

namespace Bot.Application.Judgments;

public enum ExpectedIntent
{
    None,
    Recommend,
    Paper,
}

/// <summary>Grades 3 (ideal), 2 (good), 1 (acceptable) by resource id; an unlisted id is 0.</summary>
public sealed record Grades(IReadOnlyDictionary<string, int> ById)
{
    public const int Ideal = 3;
    public const int Good = 2;
    public const int Acceptable = 1;

    public int Of(string id) => ById.GetValueOrDefault(id);

    public IEnumerable<string> IdsWithGrade(int grade) => ById.Where(p => p.Value == grade).Select(p => p.Key);
}

/// <summary>One judged <c>/recommend</c> input and the judge's reading of it.</summary>
public sealed record RecommendJudgment(
    string Input,
    IReadOnlyList<string> Topics,
    Level? Level,
    ResourceKind? Kind,
    Grades Grades)
{
    /// <summary>The folder (judged set) it was read from, so cross-validation can keep one judge's requests together; empty when built by hand.</summary>
    public string Set { get; init; } = string.Empty;
}

/// <summary>One judged <c>/paper</c> lookup; <see cref="Expect"/> null means no paper should match.</summary>
public sealed record PaperJudgment(string Query, string? Expect, IReadOnlyList<string> Accept, string How)
{
    public string Input => "/paper " + Query;

    public bool IsCorrect(string id) => id == Expect || Accept.Contains(id);
}

/// <summary>One judged free-text message: chatter (<see cref="ExpectedIntent.None"/>) or a request.</summary>
public sealed record MessageJudgment(
    string Text,
    ExpectedIntent Expect,
    Level? Level,
    ResourceKind? Kind,
    IReadOnlyList<string> Topics,
    Grades Grades,
    string? Paper,
    IReadOnlyList<string> Accept,
    bool Addressed = false)
{
    public bool IsCorrectPaper(string id) => id == Paper || Accept.Contains(id);
}

public sealed record JudgmentSet(
    IReadOnlyList<RecommendJudgment> Recommend,
    IReadOnlyList<PaperJudgment> Papers,
    IReadOnlyList<MessageJudgment> Messages)
{
    /// <summary>Everything wrong with the judgments against this catalog; empty when they are sound.</summary>
    /// <param name="gradingRules">Also check the grading rules (level caps, an ideal answer per request), not only that ids and topics exist.</param>
    public IReadOnlyList<string> Problems(ReadingCatalog catalog, bool gradingRules = true)
    {
        var problems = new List<string>();

        void CheckIds(string where, IEnumerable<string> ids)
        {
            problems.AddRange(ids.Where(id => catalog.FindResource(id) is null).Select(id => $"{where}: unknown resource id '{id}'"));
        }

        void CheckTopics(string where, IEnumerable<string> topics)
        {
            problems.AddRange(topics.Where(t => catalog.FindTopic(t) is null).Select(t => $"{where}: unknown topic '{t}'"));
        }

        void CheckLevelRule(string where, Level? level, Grades grades)
        {
            if (!gradingRules)
            {
                return;
            }

            foreach (var (id, grade) in grades.ById)
            {
                if (grade <= Grades.Acceptable || catalog.FindResource(id) is not { } resource)
                {
                    continue;
                }

                if (level == Level.Beginner && resource.Kind == ResourceKind.Paper && resource.Level > Level.Beginner)
                {
                    problems.Add($"{where}: '{id}' is a {resource.Level.ToString().ToLowerInvariant()} paper, so at most acceptable (1) for a beginner");
                }

                // Beginner material is what stops at beginner level; an item whose range reaches advanced readers is not.
                if (level == Level.Advanced && resource.MaxLevel == Level.Beginner)
                {
                    problems.Add($"{where}: '{id}' is beginner material, so at most acceptable (1) for an advanced reader");
                }
            }
        }

        foreach (var group in Recommend.GroupBy(j => j.Input).Where(g => g.Count() > 1))
        {
            problems.Add($"recommend: '{group.Key}' is judged twice");
        }

        foreach (var judgment in Recommend)
        {
            var where = $"recommend '{judgment.Input}'";
            CheckIds(where, judgment.Grades.ById.Keys);
            CheckTopics(where, judgment.Topics);
            CheckLevelRule(where, judgment.Level, judgment.Grades);
            if (gradingRules && !judgment.Grades.IdsWithGrade(Grades.Ideal).Any())
            {
                problems.Add($"{where}: no ideal (3) answer");
            }

            if (judgment.Topics.Count == 0)
            {
                problems.Add($"{where}: no topics");
            }
        }

        foreach (var group in Papers.GroupBy(j => j.Query).Where(g => g.Count() > 1))
        {
            problems.Add($"paper: '{group.Key}' is judged twice");
        }

        foreach (var judgment in Papers)
        {
            var where = $"paper '{judgment.Query}'";
            CheckIds(where, judgment.Accept.Concat(judgment.Expect is null ? [] : [judgment.Expect]));
            if (judgment.Expect is null && judgment.Accept.Count > 0)
            {
                problems.Add($"{where}: expects no match but accepts alternatives");
            }
        }

        foreach (var judgment in Messages)
        {
            var where = $"message '{judgment.Text}'";
            CheckIds(where, judgment.Grades.ById.Keys.Concat(judgment.Accept).Concat(judgment.Paper is null ? [] : [judgment.Paper]));
            CheckTopics(where, judgment.Topics);
            CheckLevelRule(where, judgment.Level, judgment.Grades);
            switch (judgment.Expect)
            {
                case ExpectedIntent.None when judgment.Grades.ById.Count > 0 || judgment.Paper is not null || judgment.Level is not null || judgment.Topics.Count > 0:
                    problems.Add($"{where}: chatter carries request details");
                    break;
                case ExpectedIntent.Recommend when gradingRules && !judgment.Grades.IdsWithGrade(Grades.Ideal).Any():
                    problems.Add($"{where}: recommend request without an ideal (3) answer");
                    break;
                case ExpectedIntent.Paper when judgment.Paper is null:
                    problems.Add($"{where}: paper request without the paper's id");
                    break;
            }
        }

        return problems;
    }
}
