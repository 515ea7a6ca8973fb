using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class SourcesFileRulesTests : IDisposable
{
    private const string File = "sources.yaml";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Valid_sources_are_loaded_with_optional_url()
    {
        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal("https://example.org/list", result.Catalog!.FindSource("reading-list")!.Url);
        Assert.Null(result.Catalog.FindSource("expert")!.Url);
        Assert.Equal(SourceKind.Community, result.Catalog.FindSource("reading-list")!.Kind);
    }

    [Theory]
    [InlineData("expert", 1.0)]
    [InlineData("community", 0.8)]
    [InlineData("book", 0.8)]
    [InlineData("course", 0.8)]
    [InlineData("listicle", 0.4)]
    public void Weight_defaults_by_kind(string kind, double weight)
    {
        _data.Write(File, $"sources:\n  - id: expert\n    name: An expert\n    kind: {kind}\n  - id: reading-list\n    name: A list\n    kind: community\n");

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal(weight, result.Catalog!.FindSource("expert")!.Weight);
    }

    [Fact]
    public void Explicit_weight_is_kept()
    {
        _data.Write(File, TempDataDirectory.ValidSourcesYaml + "  - id: affiliate\n    name: A list\n    kind: listicle\n    weight: 0.25\n");

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal(0.25, result.Catalog!.FindSource("affiliate")!.Weight);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("heavy")]
    public void Weight_outside_zero_to_one_is_rejected(string weight)
    {
        _data.Write(File, TempDataDirectory.ValidSourcesYaml + $"  - id: affiliate\n    name: A list\n    kind: listicle\n    weight: {weight}\n");

        ProblemAssert.SingleAt(_data.Load(), File, 12, 13, "\"weight\"", "greater than 0 and at most 1", "such as 0.8");
    }

    [Fact]
    public void Missing_or_unknown_kind_lists_the_accepted_kinds()
    {
        _data.Write(File, "sources:\n  - id: expert\n    name: An expert\n    kind: blogger\n  - id: reading-list\n    name: A list\n");

        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            unknown => ProblemAssert.At(unknown, File, 4, 11, "\"kind\" is \"blogger\"", "use one of: expert, community, book, course, listicle"),
            missing => ProblemAssert.At(missing, File, 5, 5, "missing required field \"kind\""));
    }

    [Fact]
    public void Duplicate_source_id_names_the_first_location()
    {
        _data.Write(File, TempDataDirectory.ValidSourcesYaml + "  - id: expert\n    name: Another expert\n    kind: expert\n");

        ProblemAssert.SingleAt(_data.Load(), File, 9, 9, "duplicate source id \"expert\"; it is first defined at sources.yaml:6:9");
    }

    [Fact]
    public void Malformed_source_url_is_rejected()
    {
        _data.Write(File, "sources:\n  - id: expert\n    name: An expert\n    url: www.example.org\n    kind: expert\n");

        ProblemAssert.SingleAt(_data.Load(), File, 4, 10, "url \"www.example.org\" is not an absolute URL");
    }

    [Fact]
    public void Source_without_a_name_is_rejected()
    {
        _data.Write(File, "sources:\n  - id: expert\n    kind: expert\n");

        ProblemAssert.SingleAt(_data.Load(), File, 2, 5, "missing required field \"name\"");
    }

    [Fact]
    public void Missing_sources_list_is_rejected()
    {
        _data.Write(File, "source:\n  - id: expert\n    name: An expert\n");

        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            unknown => ProblemAssert.At(unknown, File, 1, 1, "unknown field \"source\" in sources.yaml; did you mean \"sources\"?"),
            missing => ProblemAssert.At(missing, File, 1, 1, "missing required field \"sources\""));
    }
}
