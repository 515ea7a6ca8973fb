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
    }

    [Fact]
    public void Duplicate_source_id_names_the_first_location()
    {
        _data.Write(File, TempDataDirectory.ValidSourcesYaml + "  - id: expert\n    name: Another expert\n");

        ProblemAssert.SingleAt(_data.Load(), File, 7, 9, "duplicate source id \"expert\"; it is first defined at sources.yaml:5:9");
    }

    [Fact]
    public void Malformed_source_url_is_rejected()
    {
        _data.Write(File, "sources:\n  - id: expert\n    name: An expert\n    url: www.example.org\n");

        ProblemAssert.SingleAt(_data.Load(), File, 4, 10, "url \"www.example.org\" is not an absolute URL");
    }

    [Fact]
    public void Source_without_a_name_is_rejected()
    {
        _data.Write(File, "sources:\n  - id: expert\n");

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
