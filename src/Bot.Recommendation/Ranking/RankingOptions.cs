using System.ComponentModel.DataAnnotations;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// Every hand-set number left in ranking, each with why it has its value. The ordering itself is the trained
/// model's; these only bound the work per request and shape a page. Section "Ranking"; validated at start.
/// </summary>
public sealed class RankingOptions
{
    public const string SectionName = "Ranking";

    /// <summary>A fresh instance with the defaults (options are mutable, so none is shared).</summary>
    public static RankingOptions Default => new();

    /// <summary>Text hits taken as candidates: the judged answers sit well inside the first 150 text hits.</summary>
    [Range(10, 1000)]
    public int TextCandidates { get; set; } = 150;

    /// <summary>Name-index hits taken as candidates, so a named item is scored even when its summary says little.</summary>
    [Range(0, 100)]
    public int NameCandidates { get; set; } = 10;

    /// <summary>Most candidates scored per request: bounds the model's cost (p99 within 2 ms on the real catalog).</summary>
    [Range(10, 2000)]
    public int MaxCandidates { get; set; } = 250;

    /// <summary>
    /// Most postings one text search may visit (about 0.1 ms of adding up). Within it a search ranks the whole index
    /// exactly: the real catalog's longest judged request visits 16,600, so every search there does. At 100,000 items
    /// one common character trigram alone has tens of thousands, and a search visits only the query's rarest n-grams up
    /// to this many, then gives the documents found their exact cosine.
    /// </summary>
    [Range(1L, 100_000_000L)]
    public long SearchPostings { get; set; } = 20_000;

    /// <summary>
    /// How many documents per result a bounded search gives the exact cosine (found through the rarest n-grams):
    /// twice the results, so which few hundred come back rarely depends on the partial scores that chose them.
    /// </summary>
    [Range(1, 100)]
    public int RescoredPerResult { get; set; } = 2;

    /// <summary>Most items a request can page through: more than anyone reads, few enough to diversify cheaply.</summary>
    [Range(5, 200)]
    public int MaxRanked { get; set; } = 60;

    /// <summary>Most items on one page.</summary>
    [Range(1, 25)]
    public int MaxPageSize { get; set; } = 25;

    /// <summary>Size of the page within which one kind may not fill every place (Discord shows five).</summary>
    [Range(1, 25)]
    public int KindMixPageSize { get; set; } = 5;

    /// <summary>Most items of one kind per mixed page when no kind was asked for: leaves a place for another kind.</summary>
    [Range(1, 25)]
    public int MaxPerKindPerPage { get; set; } = 4;

    /// <summary>Penalty per earlier pick of the same kind, on model scores scaled to 0..1 over the ranked items.</summary>
    [Range(0.0, 1.0)]
    public double SameKindPenalty { get; set; } = 0.03;

    /// <summary>Penalty per unit of text similarity to an earlier pick above <see cref="RedundancyThreshold"/>: five variants of one paper never fill a page.</summary>
    [Range(0.0, 2.0)]
    public double RedundancyPenalty { get; set; } = 0.35;

    /// <summary>Text similarity below which two items count as different: topic-mates share about this much vocabulary.</summary>
    [Range(0.0, 1.0)]
    public double RedundancyThreshold { get; set; } = 0.25;

    /// <summary>Penalty for sharing a nickname with an earlier pick (a paper and its thesis): the second adds little.</summary>
    [Range(0.0, 1.0)]
    public double SharedNicknamePenalty { get; set; } = 0.15;

    /// <summary>
    /// Letters a word is cut to before the request's words are matched with an item's (word coverage): enough to keep
    /// "replica" and "replication" or "partition" and "partitions" together, few words of the field share six letters otherwise.
    /// </summary>
    [Range(3, 20)]
    public int CoverageStemLength { get; set; } = 6;

    /// <summary>
    /// Judged requests' worth of "graded 0" added when the judged priors average an item's grades: a topic has about
    /// thirty judged requests and a topic at one level about eight, so two keeps one lucky grade in a thin bucket from
    /// reading as the canon while a bucket of thirty barely moves.
    /// </summary>
    [Range(0.0, 100.0)]
    public double JudgedPriorSmoothing { get; set; } = 2;

    /// <summary>
    /// Judged requests worded most like a new one whose grades the neighbour features average: a topic has about
    /// thirty judged requests, so twenty neighbours are mostly the same subject while a rare wording ("dual writes")
    /// still weighs by its few close matches, the cosine weighting the rest down.
    /// </summary>
    [Range(1, 200)]
    public int JudgedNeighbourCount { get; set; } = 20;

    /// <summary>
    /// The power each neighbour's cosine is raised to before it weighs that neighbour's grades: squaring lets the few
    /// close rewordings outvote the many that share only the topic word. Cross-validated on 1,761 judged requests
    /// (2026-12-05): power 1 gives 0.7357, 2 gives 0.7418 (four folds of five up), 4 gives 0.7410.
    /// </summary>
    [Range(0.5, 8.0)]
    public double JudgedNeighbourSimilarityPower { get; set; } = 2;

    /// <summary>
    /// The items the judged neighbours graded highest that are scored even when no text, topic or name found them:
    /// what teachers handed out for asks worded alike is often not worded like the ask (4 % of ideal items were never
    /// candidates before). 0 turns it off. Cross-validated side by side on 2,437 judged requests (2026-12-05): 0 gives
    /// 0.7428, 20 gives 0.7453 (four folds of five up, one level).
    /// </summary>
    [Range(0, 100)]
    public int JudgedNeighbourCandidates { get; set; } = 20;

    /// <summary>The text indexes' search budget these options set.</summary>
    public TextSearchBudget SearchBudget => new(SearchPostings, RescoredPerResult);

    /// <summary>Throws when a value is out of range, for code that builds options without the host's validation.</summary>
    public RankingOptions Validated()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }
}
