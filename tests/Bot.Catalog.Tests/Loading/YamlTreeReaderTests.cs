using Bot.Catalog.Loading;

namespace Bot.Catalog.Tests.Loading;

public sealed class YamlTreeReaderTests
{
    private static (bool Ok, YamlNode? Root, ProblemLog Problems) Read(string yaml)
    {
        var problems = new ProblemLog();
        var ok = YamlTreeReader.TryRead(new StringReader(yaml), "test.yaml", problems, out var root);
        return (ok, root, problems);
    }

    [Fact]
    public void Nodes_carry_one_based_line_and_column()
    {
        var (ok, root, _) = Read("- id: a\n  title: \"Quoted\"\n");

        Assert.True(ok);
        var item = Assert.IsType<YamlMapping>(Assert.IsType<YamlSequence>(root).Items.Single());
        Assert.Equal(new SourceLocation("test.yaml", 1, 3), item.Location);
        var title = Assert.IsType<YamlScalar>(item.Find("title")!.Value);
        Assert.Equal(new SourceLocation("test.yaml", 2, 10), title.Location);
    }

    [Fact]
    public void Quoted_scalars_are_strings_and_plain_ones_are_untyped()
    {
        var (_, root, _) = Read("a: 1978\nb: \"1978\"\nc: !!str 1978\nd: ~\n");

        var mapping = Assert.IsType<YamlMapping>(root);
        Assert.True(Assert.IsType<YamlScalar>(mapping.Find("a")!.Value).IsPlain);
        Assert.False(Assert.IsType<YamlScalar>(mapping.Find("b")!.Value).IsPlain);
        Assert.False(Assert.IsType<YamlScalar>(mapping.Find("c")!.Value).IsPlain);
        Assert.True(Assert.IsType<YamlScalar>(mapping.Find("d")!.Value).IsNull);
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node()
    {
        var (ok, root, problems) = Read("a: &authors [Ada, Grace]\nb: *authors\n");

        Assert.True(ok);
        Assert.Equal(0, problems.Count);
        var mapping = Assert.IsType<YamlMapping>(root);
        Assert.Same(mapping.Find("a")!.Value, mapping.Find("b")!.Value);
    }

    [Fact]
    public void Undefined_alias_is_reported()
    {
        var (ok, _, problems) = Read("a: *missing\n");

        Assert.True(ok);
        var problem = Assert.Single(problems.ToSortedList());
        Assert.Contains("alias '*missing' refers to an anchor '&missing' that is not defined", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_has_no_root()
    {
        var (ok, root, problems) = Read("# only a comment\n");

        Assert.True(ok);
        Assert.Null(root);
        Assert.Equal(0, problems.Count);
    }
}
