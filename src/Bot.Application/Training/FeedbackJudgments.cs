using Bot.Application.Judgments;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.Recommendation.Understanding;
using Bot.Storage;

namespace Bot.Application.Training;

/// <summary>How readers' feedback votes become graded judgments (<c>Bot model train --with-feedback</c>).</summary>
public sealed record FeedbackGradingOptions
{
    /// <summary>
    /// The default minimum of votes a request needs before it is used: one or two votes are one reader's taste (or a
    /// stray click), and a handful of readers could otherwise steer the ranker with a few presses.
    /// </summary>
    public const int DefaultMinimumVotes = 3;

    /// <summary>The default number of readers who must call an item useful for it to become ideal (3).</summary>
    public const int DefaultIdealAgreement = 2;

    public const int MaximumSetting = 10_000;

    /// <summary>Votes a request needs (over all its items) before any of them become judgments.</summary>
    public int MinimumVotes { get; init; } = DefaultMinimumVotes;

    /// <summary>Useful votes on one item, from different readers, that make it ideal (3) rather than good (2).</summary>
    public int IdealAgreement { get; init; } = DefaultIdealAgreement;

    /// <summary>What is wrong with the settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinimumVotes is < 1 or > MaximumSetting)
        {
            problems.Add($"the minimum of votes per request is {MinimumVotes}; use 1 to {MaximumSetting} (default {DefaultMinimumVotes}: fewer votes are one reader's taste)");
        }

        if (IdealAgreement is < 2 or > MaximumSetting)
        {
            problems.Add($"the readers who must agree for an ideal grade are {IdealAgreement}; use 2 to {MaximumSetting} (default {DefaultIdealAgreement}: one reader's useful is only good)");
        }

        return problems;
    }
}

/// <summary>What the conversion kept and dropped, for the training report.</summary>
public sealed record FeedbackConversion(
    IReadOnlyList<RecommendJudgment> Judgments,
    int Votes,
    int Requests,
    int RequestsBelowMinimum,
    int VotesOnUnknownItems,
    int UnreadableRequests)
{
    /// <summary>Items graded above 0, over every request kept.</summary>
    public int GradedItems => Judgments.Sum(j => j.Grades.ById.Count(p => p.Value > 0));
}

/// <summary>The file judgments with the feedback merged in, and what the feedback added.</summary>
public sealed record MergedJudgments(
    IReadOnlyList<RecommendJudgment> Judgments,
    int FeedbackRequestsAdded,
    int FeedbackRequestsMerged,
    int FeedbackGradesAdded,
    int FeedbackGradesOverruled);

/// <summary>
/// Turns stored feedback votes into graded <see cref="RecommendJudgment"/>s. Votes are grouped by the normalized
/// request they were cast on (<c>/recommend consensus beginner</c>); a request with fewer than
/// <see cref="FeedbackGradingOptions.MinimumVotes"/> votes is left out. Per item each vote proposes a grade:
/// useful 2 (3 when <see cref="FeedbackGradingOptions.IdealAgreement"/> readers agree and they are the majority),
/// too easy / too hard 1 when the item's level range still covers the level asked for (or none was asked: the
/// reader's own level differs), 0 when the item is outside it (it missed what was asked), not for me 0. The item
/// gets the grade most of its votes propose; a tie goes to the lower grade.
/// </summary>
public static class FeedbackJudgments
{
    public static FeedbackConversion Convert(IReadOnlyList<FeedbackVote> votes, ReadingCatalog catalog, FeedbackGradingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new FeedbackGradingOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var judgments = new List<RecommendJudgment>();
        int belowMinimum = 0, unknownItems = 0, unreadable = 0, requests = 0;
        foreach (var request in votes.GroupBy(v => v.RequestText, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            requests++;
            if (ParseRequest(request.Key, catalog) is not { } parsed)
            {
                unreadable++;
                continue;
            }

            var known = request.Where(v => catalog.FindResource(v.ItemId) is not null).ToList();
            unknownItems += request.Count() - known.Count;
            if (known.Count < options.MinimumVotes)
            {
                belowMinimum++;
                continue;
            }

            var grades = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in known.GroupBy(v => v.ItemId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var resource = catalog.FindResource(item.Key)!;
                grades[resource.Id] = GradeItem(item.ToList(), resource, parsed.Level, options);
            }

            judgments.Add(new RecommendJudgment(request.Key, parsed.Topics, parsed.Level, parsed.Kind, new Grades(grades)));
        }

        return new FeedbackConversion(judgments, votes.Count, requests, belowMinimum, unknownItems, unreadable);
    }

    /// <summary>
    /// Adds feedback judgments to the file judgments. A feedback request that means the same as a file judgment (same
    /// topics, level and kind) is merged into the first such file judgment: the file's grades win on every item it
    /// grades, the feedback adds grades for items the file leaves out. Other feedback requests are added as they are.
    /// </summary>
    public static MergedJudgments Merge(IReadOnlyList<RecommendJudgment> fileJudgments, IReadOnlyList<RecommendJudgment> feedback)
    {
        ArgumentNullException.ThrowIfNull(fileJudgments);
        ArgumentNullException.ThrowIfNull(feedback);
        var merged = fileJudgments.ToList();
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            firstByKey.TryAdd(KeyOf(merged[i]), i);
        }

        int added = 0, mergedRequests = 0, gradesAdded = 0, overruled = 0;
        foreach (var judgment in feedback)
        {
            if (!firstByKey.TryGetValue(KeyOf(judgment), out var index))
            {
                firstByKey[KeyOf(judgment)] = merged.Count;
                merged.Add(judgment);
                added++;
                gradesAdded += judgment.Grades.ById.Count(p => p.Value > 0);
                continue;
            }

            mergedRequests++;
            var file = merged[index];
            var grades = new Dictionary<string, int>(file.Grades.ById, StringComparer.Ordinal);
            foreach (var (id, grade) in judgment.Grades.ById)
            {
                if (grades.TryGetValue(id, out var fileGrade))
                {
                    overruled += fileGrade == grade ? 0 : 1;
                }
                else if (grade > 0)
                {
                    grades[id] = grade;
                    gradesAdded++;
                }
            }

            merged[index] = file with { Grades = new Grades(grades) };
        }

        return new MergedJudgments(merged, added, mergedRequests, gradesAdded, overruled);
    }

    /// <summary>Reads the votes servers allow training on (never DMs or the console) and converts them.</summary>
    public static async Task<FeedbackConversion> LoadAsync(IReaderStore store, ReadingCatalog catalog, FeedbackGradingOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var votes = await store.GetTrainingVotesAsync(cancellationToken).ConfigureAwait(false);
        return Convert(votes, catalog, options);
    }

    private static int GradeItem(IReadOnlyList<FeedbackVote> votes, Resource resource, Level? requestLevel, FeedbackGradingOptions options)
    {
        var useful = votes.Count(v => v.Choice == FeedbackChoice.Useful);
        if (useful >= options.IdealAgreement && useful * 2 > votes.Count)
        {
            return Grades.Ideal;
        }

        return votes
            .Select(v => VoteGrade(v.Choice, resource, requestLevel))
            .GroupBy(g => g)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .First().Key;
    }

    private static int VoteGrade(FeedbackChoice choice, Resource resource, Level? requestLevel) => choice switch
    {
        FeedbackChoice.Useful => Grades.Good,
        FeedbackChoice.TooEasy => requestLevel is { } asked && resource.MaxLevel < asked ? 0 : Grades.Acceptable,
        FeedbackChoice.TooHard => requestLevel is { } asked && resource.Level > asked ? 0 : Grades.Acceptable,
        _ => 0,
    };

    private sealed record ParsedRequest(IReadOnlyList<string> Topics, Level? Level, ResourceKind? Kind);

    /// <summary>Reads back what <see cref="FeedbackRequest.RequestTextOf"/> wrote; null when it is not such a request.</summary>
    private static ParsedRequest? ParseRequest(string requestText, ReadingCatalog catalog)
    {
        var words = requestText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "/recommend")
        {
            return null;
        }

        var topics = new List<string>();
        Level? level = null;
        ResourceKind? kind = null;
        foreach (var word in words.Skip(1))
        {
            if (word.StartsWith("kind:", StringComparison.Ordinal) && KindVocabulary.ParseExact(word["kind:".Length..]) is { } k)
            {
                kind = k;
            }
            else if (catalog.FindTopic(word) is { } topic)
            {
                topics.Add(topic.Id);
            }
            else if (LevelVocabulary.ParseExact(word) is { } l && LevelVocabulary.Name(l) == word)
            {
                level = l;
            }
            else
            {
                return null;
            }
        }

        return topics.Count == 0 ? null : new ParsedRequest(topics, level, kind);
    }

    private static string KeyOf(RecommendJudgment judgment) =>
        FeedbackRequest.RequestTextOf(judgment.Topics.Order(StringComparer.Ordinal).ToList(), judgment.Level, judgment.Kind);
}
