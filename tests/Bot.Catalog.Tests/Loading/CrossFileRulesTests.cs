using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class CrossFileRulesTests : IDisposable
{
    private const string File = "resources/extra.yaml";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Duplicate_id_across_files_names_the_first_location()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("base-2").With("title", "A different title"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 1, 7,
            "duplicate resource id \"base-2\"; it is first defined at resources/base.yaml:12:7");
    }

    [Fact]
    public void Duplicate_title_ignores_case_and_spacing()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("title", "\"  title OF   base-1 \""));

        ProblemAssert.SingleAt(
            _data.Load(), File, 2, 10,
            "duplicates the title of resource \"base-1\" at resources/base.yaml:2:10");
    }

    [Fact]
    public void Unknown_topic_suggests_the_nearest_topic_id()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("topics", "[alpah]").With("primary_topic", "alpah"));

        ProblemAssert.SingleAt(_data.Load(), File, 7, 12, "unknown topic \"alpah\"; did you mean \"alpha\"?");
    }

    [Fact]
    public void Unknown_topic_that_is_an_alias_points_to_the_topic_id()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("topics", "[Primary]").With("primary_topic", "Primary"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 7, 12,
            "unknown topic \"Primary\"; \"Primary\" is an alias of topic \"alpha\"; list the topic id \"alpha\" instead");
    }

    [Fact]
    public void Unknown_recommending_source_is_named_with_the_known_sources()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("recommended_by", "[reading-lst]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 20,
            "\"recommended_by\" names unknown source \"reading-lst\"",
            "did you mean \"reading-list\"?",
            "sources defined in sources.yaml: reading-list, expert");
    }

    [Fact]
    public void Known_recommending_source_is_accepted()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("recommended_by", "[expert, reading-list]"));

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal(["expert", "reading-list"], result.Catalog!.FindResource("extra")!.RecommendedBy);
    }

    [Fact]
    public void Dangling_prerequisite_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("prerequisites", "[no-such-paper]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 19,
            "\"prerequisites\" refers to unknown resource id \"no-such-paper\"; no resource in resources/*.yaml has that id");
    }

    [Fact]
    public void Dangling_next_suggests_a_close_id()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("next", "[base-l]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 10,
            "\"next\" refers to unknown resource id \"base-l\"; did you mean \"base-1\"?");
    }

    [Fact]
    public void Resource_listing_itself_as_prerequisite_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("prerequisites", "[base-1, extra]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 27,
            "resource \"extra\" lists itself in \"prerequisites\"; a resource cannot be its own prerequisite");
    }

    [Fact]
    public void Resource_listing_itself_as_next_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("next", "[extra]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 10,
            "resource \"extra\" lists itself in \"next\"; a resource cannot be its own next step");
    }

    [Fact]
    public void References_to_resources_in_other_files_resolve()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra").With("prerequisites", "[base-1]").With("next", "[later]"));
        _data.WriteResources("later.yaml", ResourceYaml.Valid("later").With("prerequisites", "[extra]"));

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal(["base-1"], result.Catalog!.FindResource("extra")!.Prerequisites);
        Assert.Equal(["later"], result.Catalog.FindResource("extra")!.Next);
    }

    [Fact]
    public void Every_problem_in_every_file_is_collected_in_one_load()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra-1").With("kind", "journal"),
            ResourceYaml.Valid("extra-2").With("topics", "[gamma]").With("primary_topic", "gamma"),
            ResourceYaml.Valid("extra-3").With("url", "not-a-url"));
        _data.WriteResources("more.yaml", ResourceYaml.Valid("base-1").With("title", "Another title"));
        _data.Write("sources.yaml", "sources:\n  - id: expert\n    name: \"\"\n    kind: expert\n");

        var result = _data.Load();

        Assert.Null(result.Catalog);
        Assert.Equal(
            [
                ("resources/extra.yaml", 5),
                ("resources/extra.yaml", 18),
                ("resources/extra.yaml", 31),
                ("resources/more.yaml", 1),
                ("sources.yaml", 3),
            ],
            result.Problems.Select(p => (p.File, p.Line)));
    }
}
