using BenchmarkDotNet.Attributes;
using Bot.Application;
using Bot.Featurization;
using Bot.Recommendation;

namespace Bot.Benchmarks;

/// <summary>Fitting, building and answering on the repository's own catalog.</summary>
[Config(typeof(ShortRunConfig))]
public class RealCatalogBenchmarks
{
    private IReadOnlyList<string> _documents = [];
    private ReadingAssistant _assistant = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = Fixtures.Documents(Fixtures.Real);
        _assistant = Fixtures.RealAssistant;
        _ = Fixtures.RealFts;
    }

    [Benchmark]
    public MlNetTextFeaturizer FeaturizerFit() => MlNetTextFeaturizer.Fit(_documents, TextFeaturizerOptions.Retrieval);

    [Benchmark]
    public RecommendationEngine EngineBuild() => new(Fixtures.Real);

    [Benchmark]
    public Reply RecommendConsensusBeginner() => _assistant.Handle("/recommend consensus beginner");

    [Benchmark]
    public Reply RecommendStorageAdvancedPaper() => _assistant.Handle("/recommend topic:storage level:advanced kind:paper");

    [Benchmark]
    public Reply PaperRaft() => _assistant.Handle("/paper raft");

    [Benchmark]
    public Reply PaperMisspelled() => _assistant.Handle("/paper byzantene generals");

    [Benchmark]
    public Reply MessageRequest() => _assistant.HandleMessage("what should I read to understand consensus? I'm a beginner");

    [Benchmark]
    public Reply MessageChatter() => _assistant.HandleMessage("the kafka cluster is down again");

    [Benchmark]
    public IReadOnlyList<string> Fts5ConsensusBeginner() => Fixtures.RealFts.Search("consensus beginner");
}
