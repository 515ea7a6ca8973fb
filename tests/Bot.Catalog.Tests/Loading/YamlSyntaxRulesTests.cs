using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class YamlSyntaxRulesTests : IDisposable
{
    private const string File = "resources/extra.yaml";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Syntax_error_is_reported_with_its_position_and_a_quoting_hint()
    {
        _data.Write(File, ResourceYaml.ListOf(ResourceYaml.Valid("extra").With("title", "MapReduce: Simplified Data Processing")));

        ProblemAssert.SingleAt(_data.Load(), File, 2, 19, "YAML syntax error", "must be quoted");
    }

    [Fact]
    public void Unclosed_flow_list_is_reported_instead_of_throwing()
    {
        _data.Write(File, "- id: extra\n  authors: [Ada, Grace\n  kind: paper\n");

        var problem = ProblemAssert.Single(_data.Load());

        Assert.Equal(File, problem.File);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_indentation_is_reported_with_a_hint()
    {
        _data.Write(File, "- id: extra\n\ttitle: Tabbed\n");

        var problem = ProblemAssert.Single(_data.Load());

        Assert.Equal(File, problem.File);
        Assert.Contains("indent with spaces, not tabs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_field_is_reported_and_the_rest_of_the_file_is_still_checked()
    {
        var yaml = ResourceYaml.Valid("extra").With("summary", "Second summary.").ToString()
            .Replace("  url:", "  summary: First summary.\n  url:", StringComparison.Ordinal);
        _data.Write(File, yaml + ResourceYaml.Valid("other").With("kind", "journal"));

        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            duplicate => ProblemAssert.At(duplicate, File, 9, 3, "duplicate field \"summary\"; it is already set at line 8, column 3"),
            kind => ProblemAssert.At(kind, File, 17, 9, "\"kind\" is \"journal\""));
    }

    [Fact]
    public void Second_yaml_document_is_rejected()
    {
        _data.Write(File, ResourceYaml.ListOf(ResourceYaml.Valid("extra")) + "---\n" + ResourceYaml.ListOf(ResourceYaml.Valid("other")));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 1, "a second YAML document starts here");
    }

    [Fact]
    public void Broken_file_does_not_stop_other_files_or_cause_false_dangling_references()
    {
        _data.Write("resources/broken.yaml", "- id: target\n  title: [unclosed\n");
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra").With("prerequisites", "[target]").With("level", "expert"));

        var result = _data.Load();

        Assert.Collection(
            result.Problems,
            broken => Assert.Equal("resources/broken.yaml", broken.File),
            level => ProblemAssert.At(level, File, 6, 10, "\"level\" is \"expert\""));
    }

    [Fact]
    public void Syntax_error_in_topics_file_is_reported_without_a_cascade_of_unknown_topics()
    {
        _data.Write("topics.yaml", "topics:\n  - id: alpha\n    name: [broken\n");

        var problem = ProblemAssert.Single(_data.Load());

        Assert.Equal("topics.yaml", problem.File);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }
}
