using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests;

public sealed class CatalogLinterTests : IDisposable
{
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Valid_catalog_has_no_lint_problems()
    {
        Assert.Empty(CatalogLinter.Lint(_data.Path, TempDataDirectory.Rules));
    }

    [Fact]
    public void Lint_formats_each_problem_as_file_line_column_message()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra").With("level", "expert"),
            ResourceYaml.Valid("other").With("topics", "[alpah]").With("primary_topic", "alpah"));

        var problems = CatalogLinter.Lint(_data.Path, TempDataDirectory.Rules);

        Assert.Equal(
            "resources/extra.yaml:6:10: \"level\" is \"expert\", which is not accepted; use one of: beginner, intermediate, advanced, beginner-intermediate, beginner-advanced, intermediate-advanced\n"
            + "resources/extra.yaml:18:12: unknown topic \"alpah\"; did you mean \"alpha\"? Topic ids are defined in topics.yaml",
            CatalogLinter.Format(problems));
    }

    [Fact]
    public void Problem_ToString_uses_the_lint_format()
    {
        var problem = new CatalogProblem("resources/papers.yaml", 12, 7, "something is wrong");

        Assert.Equal("resources/papers.yaml:12:7: something is wrong", problem.ToString());
    }
}
