using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

/// <summary>Coverage at the fixture's scale (<see cref="TempDataDirectory.Rules"/>): per topic 5 resources, 2 beginner, 2 advanced.</summary>
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
    public void Topic_with_too_few_resources_is_reported_at_the_topic()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "beginner", "advanced", "advanced"));

        ProblemAssert.SingleAt(
            _data.Load(), "topics.yaml", 8, 9,
            "topic \"gamma\" has 4 resource(s); every topic needs at least 5");
    }

    [Fact]
    public void Topic_with_one_beginner_resource_is_reported_with_what_counts()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "intermediate", "advanced", "advanced", "advanced"));

        ProblemAssert.SingleAt(
            _data.Load(), "topics.yaml", 8, 9,
            "topic \"gamma\" has 1 resource(s) for beginner readers; every topic needs at least 2 whose level range includes beginner",
            "beginner-intermediate");
    }

    [Fact]
    public void Topic_with_one_advanced_resource_is_reported()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "beginner", "intermediate", "intermediate", "advanced"));

        ProblemAssert.SingleAt(
            _data.Load(), "topics.yaml", 8, 9,
            "topic \"gamma\" has 1 resource(s) for advanced readers; every topic needs at least 2 whose level range includes advanced");
    }

    [Fact]
    public void Level_ranges_count_for_every_level_they_include()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner-advanced", "beginner-advanced", "intermediate", "intermediate", "intermediate"));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Fact]
    public void Topic_without_resources_gets_every_coverage_problem()
    {
        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            few => ProblemAssert.At(few, "topics.yaml", 8, 9, "has 0 resource(s)"),
            beginner => ProblemAssert.At(beginner, "topics.yaml", 8, 9, "has 0 resource(s) for beginner readers"),
            advanced => ProblemAssert.At(advanced, "topics.yaml", 8, 9, "has 0 resource(s) for advanced readers"));
    }

    [Fact]
    public void Topic_with_enough_resources_at_both_ends_is_covered()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "beginner", "advanced", "advanced", "intermediate"));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Fact]
    public void Catalog_with_too_few_topics_or_resources_is_reported()
    {
        _data.WriteResources("gamma.yaml", GammaResources("beginner", "beginner", "advanced", "advanced", "intermediate"));

        var result = _data.Load(TempDataDirectory.Rules with { MinimumTopics = 4, MinimumResources = 11 });

        Assert.Collection(
            result.Problems,
            resources => ProblemAssert.At(resources, "resources", 1, 1, "the catalog has 10 resource(s); it needs at least 11"),
            topics => ProblemAssert.At(topics, "topics.yaml", 1, 1, "the catalog has 3 topic(s); it needs at least 4"));
    }

    [Fact]
    public void Production_minimums_are_the_issue_numbers()
    {
        var strict = CatalogLoadOptions.Default;

        Assert.Equal(
            (8, 2, 2, 30, 550, 4, 8),
            (strict.MinimumResourcesPerTopic, strict.MinimumBeginnerResourcesPerTopic, strict.MinimumAdvancedResourcesPerTopic,
                strict.MinimumTopics, strict.MinimumResources, strict.MinimumPathSteps, strict.MaximumPathSteps));
        Assert.True(strict.RequireTopicCoverage && strict.RequireTopicPaths && strict.CheckPrerequisiteLevels
            && strict.CheckNicknameOwnership && strict.CheckAliasOwnership);
    }

    [Fact]
    public void Coverage_rule_can_be_switched_off()
    {
        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.RulesWithoutCoverage));
    }

    private static ResourceYaml[] GammaResources(params string[] levels) =>
        levels
            .Select((level, i) => ResourceYaml.Valid($"gamma-{i + 1}").With("topics", "[gamma]").With("primary_topic", "gamma").With("level", level))
            .ToArray();
}
