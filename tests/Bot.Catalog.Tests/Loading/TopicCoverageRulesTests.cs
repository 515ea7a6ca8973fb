using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class TopicCoverageRulesTests : IDisposable
{
    private const string TopicsWithGamma = """
        topics:
          - id: alpha
            name: Alpha
            description: The first test topic.
          - id: beta
            name: Beta
            description: The second test topic.
          - id: gamma
            name: Gamma
            description: A topic each test fills differently.

        """;

    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public TopicCoverageRulesTests()
    {
        _data.Write("topics.yaml", TopicsWithGamma);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Topic_with_fewer_than_five_resources_is_reported_at_the_topic()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "advanced", "advanced", "advanced"));

        ProblemAssert.SingleAt(
            _data.Load(), "topics.yaml", 8, 9,
            "topic \"gamma\" has 4 resource(s); every topic needs at least 5");
    }

    [Fact]
    public void Topic_without_a_beginner_resource_is_reported_at_the_topic()
    {
        _data.WriteResources("gamma.yaml", GammaResources("intermediate", "advanced", "advanced", "advanced", "advanced"));

        ProblemAssert.SingleAt(
            _data.Load(), "topics.yaml", 8, 9,
            "topic \"gamma\" has no beginner resource; every topic needs at least one resource with level: beginner");
    }

    [Fact]
    public void Topic_without_resources_gets_both_problems()
    {
        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            few => ProblemAssert.At(few, "topics.yaml", 8, 9, "has 0 resource(s)"),
            beginner => ProblemAssert.At(beginner, "topics.yaml", 8, 9, "has no beginner resource"));
    }

    [Fact]
    public void Topic_with_five_resources_and_a_beginner_one_is_covered()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "advanced", "advanced", "advanced", "intermediate"));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Fact]
    public void Coverage_rule_can_be_switched_off()
    {
        ProblemAssert.NoProblems(_data.Load(new CatalogLoadOptions { RequireTopicCoverage = false }));
    }

    private static ResourceYaml[] GammaResources(params string[] levels) =>
        levels
            .Select((level, i) => ResourceYaml.Valid($"gamma-{i + 1}").With("topics", "[gamma]").With("level", level))
            .ToArray();
}
