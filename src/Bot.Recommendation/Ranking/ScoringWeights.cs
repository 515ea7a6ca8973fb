using Bot.Catalog;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// How the ranker weighs its signals. Text similarity finds what a request is about; topic match
/// keeps the answer on the taxonomy topic asked for; level fit puts readable introductions ahead of
/// research originals for beginners and the reverse for advanced readers; the canon prior breaks
/// ties toward items that several independent lists recommend.
/// </summary>
public sealed record ScoringWeights
{
    public double Text { get; init; } = 0.45;

    /// <summary>Text weight when the request named a taxonomy topic: topic match already keeps results on subject.</summary>
    public double TextWithTopic { get; init; } = 0.35;
    public double Topic { get; init; } = 0.35;
    public double Level { get; init; } = 0.45;
    public double Kind { get; init; } = 0.2;
    public double Canon { get; init; } = 0.10;
    public double Nickname { get; init; } = 0.25;

    /// <summary>Subtracted from items on none of the topics a request named: they got in on words alone.</summary>
    public double OffTopic { get; init; } = 0.2;

    /// <summary>Penalty per already-chosen item of the same kind, when no kind was asked for.</summary>
    public double SameKindPenalty { get; init; } = 0.05;

    /// <summary>Penalty scaled by similarity to an already-chosen item, so five variants of one paper do not fill the list.</summary>
    public double RedundancyPenalty { get; init; } = 0.35;

    public static ScoringWeights Default { get; } = new();

    /// <summary>How well an item's level suits the reader's; negative values push an item below everything suitable.</summary>
    public static double LevelFit(Level? asked, Level item) => (asked, item) switch
    {
        (null, Catalog.Level.Beginner) => 0.55,
        (null, Catalog.Level.Intermediate) => 0.6,
        (null, Catalog.Level.Advanced) => 0.35,
        (Catalog.Level.Beginner, Catalog.Level.Beginner) => 1.0,
        (Catalog.Level.Beginner, Catalog.Level.Intermediate) => 0.3,
        (Catalog.Level.Beginner, Catalog.Level.Advanced) => -0.8,
        (Catalog.Level.Intermediate, Catalog.Level.Intermediate) => 1.0,
        (Catalog.Level.Intermediate, Catalog.Level.Beginner) => 0.45,
        (Catalog.Level.Intermediate, Catalog.Level.Advanced) => 0.5,
        (Catalog.Level.Advanced, Catalog.Level.Advanced) => 1.0,
        (Catalog.Level.Advanced, Catalog.Level.Intermediate) => 0.4,
        (Catalog.Level.Advanced, Catalog.Level.Beginner) => -0.3,
        _ => 0,
    };

    /// <summary>Preference for a kind when the user named none: originals suit advanced readers, overviews suit beginners.</summary>
    public static double ImplicitKindFit(Level? asked, ResourceKind kind) => (asked, kind) switch
    {
        (Catalog.Level.Beginner, ResourceKind.Paper) => -0.4,
        (Catalog.Level.Beginner, ResourceKind.Tool or ResourceKind.List) => -0.3,
        (Catalog.Level.Beginner, ResourceKind.Book or ResourceKind.Blog or ResourceKind.Article or ResourceKind.Talk or ResourceKind.Video or ResourceKind.Course) => 0.3,
        (Catalog.Level.Advanced, ResourceKind.Paper) => 0.5,
        (Catalog.Level.Advanced, ResourceKind.Book or ResourceKind.Course) => 0.2,
        (Catalog.Level.Advanced, ResourceKind.Tool or ResourceKind.List) => -0.4,
        (_, ResourceKind.Tool or ResourceKind.List) => -0.3,
        _ => 0,
    };
}
