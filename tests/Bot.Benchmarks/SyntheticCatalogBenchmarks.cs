using BenchmarkDotNet.Attributes;
using Bot.Application;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Quality.Harness;
using Bot.Recommendation;

namespace Bot.Benchmarks;

/// <summary>Answering on a synthetic catalog of 100,000 items, beside SQLite FTS5 on the same items.</summary>
[Config(typeof(ShortRunConfig))]
public class SyntheticQueryBenchmarks
{
    private ReadingAssistant _assistant = null!;
    private Fts5Baseline _fts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _assistant = Fixtures.SyntheticAssistant;
        _fts = Fixtures.SyntheticFts;
    }

    [Benchmark]
    public Reply RecommendConsensusBeginner() => _assistant.Handle("/recommend consensus beginner");

    [Benchmark]
    public Reply RecommendStorageAdvancedPaper() => _assistant.Handle("/recommend topic:storage level:advanced kind:paper");

    [Benchmark]
    public Reply PaperRaft() => _assistant.Handle("/paper raft");

    [Benchmark]
    public IReadOnlyList<string> Fts5ConsensusBeginner() => _fts.Search("consensus beginner");

    [Benchmark]
    public IReadOnlyList<string> Fts5StorageAdvancedPaper() => _fts.Search("storage advanced paper", [ResourceKind.Paper]);
}

/// <summary>Building the indexes for 100,000 items: the bot's engine and featurizer, and FTS5.</summary>
[Config(typeof(ColdBuildConfig))]
public class SyntheticBuildBenchmarks
{
    private ReadingCatalog _catalog = null!;
    private IReadOnlyList<string> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Fixtures.Synthetic;
        _documents = Fixtures.Documents(_catalog);
    }

    [Benchmark]
    public MlNetTextFeaturizer FeaturizerFit() => MlNetTextFeaturizer.Fit(_documents, TextFeaturizerOptions.Retrieval);

    [Benchmark]
    public RecommendationEngine EngineBuild() => new(_catalog);

    [Benchmark]
    public int Fts5Build()
    {
        using var fts = Fts5Baseline.Build(_catalog.Resources, _catalog.Topics);
        return fts.Count;
    }
}
