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

    /// <summary>
    /// Most items of one kind per page when no kind was asked for. As many as a page holds: the judges often hand out
    /// five papers or five books, and keeping a place for another kind (4) cost 0.005 of cross-validated nDCG@5 on
    /// 3,417 judged requests and 0.004 on 3,656 (`model train --page-shaping`, 2026-12-05). A server that wants mixed
    /// pages can lower it.
    /// </summary>
    [Range(1, 25)]
    public int MaxPerKindPerPage { get; set; } = 5;

    /// <summary>
    /// Penalty per earlier pick of the same kind, on model scores scaled to 0..1 over the ranked items. None: on
    /// 3,656 judged requests cross-validated nDCG@5 fell as it rose (0 gives 0.7437, 0.015 0.7426, 0.03 0.7418, 0.06
    /// 0.7383; `model train --page-shaping`, 2026-12-05).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SameKindPenalty { get; set; }

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

    /// <summary>
    /// Lowest lookup score that names a paper (`/paper`): a typo in most of a title's words still scores above it, a
    /// title sharing one word of a three-word query ("banana bread recipe") does not. Scores run 0..1, 1 an exact name.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PaperMatchThreshold { get; set; } = 0.45;

    /// <summary>Lowest score offered as "did you mean" when nothing matches: near enough that the reader may have meant it.</summary>
    [Range(0.0, 1.0)]
    public double PaperNearMissThreshold { get; set; } = 0.3;

    /// <summary>Alternatives listed beside the best match score at least this share of its score: others are noise next to a clear answer.</summary>
    [Range(0.0, 1.0)]
    public double PaperAlternativeShare { get; set; } = 0.55;

    /// <summary>A second match within this share of the best makes the lookup ambiguous (the reply asks which was meant).</summary>
    [Range(0.0, 1.0)]
    public double PaperAmbiguousShare { get; set; } = 0.9;

    /// <summary>Most alternatives listed after the best match.</summary>
    [Range(0, 10)]
    public int PaperMaxAlternatives { get; set; } = 4;

    /// <summary>
    /// Score of a paper named by an author's surname and a year ("lynch 1989") or an author's possessive and a kind
    /// ("ongaro's dissertation"): nearly as sure as its title, below an exact name (1.0), above a fuzzy match on most words.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PaperAuthorYearScore { get; set; } = 0.9;

    /// <summary>
    /// Two co-authors ("howard and mortier") name their paper this much less surely than an author and a year, and
    /// never more than this much more surely however many are named ("fischer, lynch and merritt" need not be FLP).
    /// </summary>
    [Range(0.0, 0.5)]
    public double PaperCoauthorMargin { get; set; } = 0.04;

    /// <summary>What each co-author named beyond two adds to the co-author score (capped by <see cref="PaperCoauthorMargin"/>).</summary>
    [Range(0.0, 0.5)]
    public double PaperCoauthorStep { get; set; } = 0.02;

    /// <summary>
    /// Share of the query's words a title, nickname or author must contain before word coverage alone names a paper:
    /// one word of a longer query in common is a coincidence ("banana bread recipe" is not ZooKeeper Recipes).
    /// </summary>
    [Range(0.0, 1.0)]
    public double PaperMinimumWordCoverage { get; set; } = 0.5;

    /// <summary>Score of a paper by word coverage: this base, plus <see cref="PaperWordCoverageWeight"/> times the coverage (full only from two query words).</summary>
    [Range(0.0, 1.0)]
    public double PaperWordCoverageBase { get; set; } = 0.25;

    /// <summary>See <see cref="PaperWordCoverageBase"/>: full coverage of two or more words scores 0.95, just above an author and a year.</summary>
    [Range(0.0, 1.0)]
    public double PaperWordCoverageWeight { get; set; } = 0.7;

    /// <summary>A lookup asks for a paper: an article's score is multiplied by this, so of a paper and a post with one name the paper wins.</summary>
    [Range(0.0, 1.0)]
    public double PaperArticleFactor { get; set; } = 0.95;

    /// <summary>The same for books, courses, talks and the rest: found when only they match, never before a paper as well matched.</summary>
    [Range(0.0, 1.0)]
    public double PaperOtherKindFactor { get; set; } = 0.8;

    /// <summary>Weight of the canon prior (0..1, how widely recommended) added to a match: it breaks ties between equal names, never outranks a better match.</summary>
    [Range(0.0, 0.2)]
    public double PaperCanonWeight { get; set; } = 0.02;

    /// <summary>
    /// Fewest words of a paper asked by what it did rather than by name ("the berkeley time series store with the
    /// copy-on-write tree"): one or two words are a name or a topic, and a topic is not answered with one paper.
    /// </summary>
    [Range(1, 20)]
    public int PaperDescriptionMinimumWords { get; set; } = 3;

    /// <summary>Least share of a description's words the catalog uses: "banana bread recipe" shares one of three.</summary>
    [Range(0.0, 1.0)]
    public double PaperDescriptionKnownShare { get; set; } = 0.7;

    /// <summary>
    /// Least text similarity of the best item by words: below it the first item is noise. On the training lookups
    /// the off-topic queries' best items scored 0.08–0.10 and the right descriptions' 0.12 and more.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PaperDescriptionMinimumText { get; set; } = 0.12;

    /// <summary>
    /// The items found by words among which the meaning must put the same item first: when words and meaning agree
    /// the description is taken (on the training lookups no name matched 69 times; the two agreed 57 times, rightly 55).
    /// </summary>
    [Range(2, 100)]
    public int PaperDescriptionCandidates { get; set; } = 10;

    /// <summary>The text indexes' search budget these options set.</summary>
    public TextSearchBudget SearchBudget => new(SearchPostings, RescoredPerResult);

    /// <summary>Throws when a value is out of range, for code that builds options without the host's validation.</summary>
    public RankingOptions Validated()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }
}
