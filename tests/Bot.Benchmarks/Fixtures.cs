using Bot.Application;
using Bot.Catalog;
using Bot.Quality.Harness;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Benchmarks;

/// <summary>Catalogs, engines and FTS5 indexes shared by the benchmarks, each built once per process.</summary>
internal static class Fixtures
{
    public const int SyntheticItems = 100_000;

    private static readonly Lazy<ReadingCatalog> RealCatalog = new(() => CatalogLoader.LoadOrThrow(Repository.DataDirectory));
    private static readonly Lazy<ReadingCatalog> SyntheticCatalogValue = new(() => SyntheticCatalog.Generate(Real, SyntheticItems));
    private static readonly Lazy<ReadingAssistant> RealAssistantValue = new(() => new ReadingAssistant(new RecommendationEngine(Real)));
    private static readonly Lazy<ReadingAssistant> SyntheticAssistantValue = new(() => new ReadingAssistant(new RecommendationEngine(Synthetic)));
    private static readonly Lazy<Fts5Baseline> RealFtsValue = new(() => Fts5Baseline.Build(Real.Resources, Real.Topics));
    private static readonly Lazy<Fts5Baseline> SyntheticFtsValue = new(() => Fts5Baseline.Build(Synthetic.Resources, Synthetic.Topics));

    public static ReadingCatalog Real => RealCatalog.Value;
    public static ReadingCatalog Synthetic => SyntheticCatalogValue.Value;
    public static ReadingAssistant RealAssistant => RealAssistantValue.Value;
    public static ReadingAssistant SyntheticAssistant => SyntheticAssistantValue.Value;
    public static Fts5Baseline RealFts => RealFtsValue.Value;
    public static Fts5Baseline SyntheticFts => SyntheticFtsValue.Value;

    /// <summary>What the recommender indexes per resource: title, nicknames, authors, topic names, summary.</summary>
    public static IReadOnlyList<string> Documents(ReadingCatalog catalog) => catalog.Resources
        .Select(r => string.Join(" . ", r.Title, string.Join(" , ", r.Nicknames), string.Join(" , ", r.Authors),
            string.Join(" , ", r.Topics.Select(t => catalog.FindTopic(t)?.Name ?? t)), r.Summary))
        .ToList();
}
