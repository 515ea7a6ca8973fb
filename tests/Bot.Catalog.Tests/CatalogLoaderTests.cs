using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests;

public sealed class CatalogLoaderTests : IDisposable
{
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Valid_data_directory_loads_every_field_of_a_resource()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra")
                .With("title", "\"Time, Clocks: an Essay\"")
                .With("authors", "[Ada Lovelace, Grace Hopper]")
                .With("year", "1978")
                .With("kind", "book")
                .With("level", "intermediate-advanced")
                .With("topics", "[alpha, beta]")
                .With("primary_topic", "beta")
                .With("summary", ">\n    Folded summary\n    over two lines.")
                .With("access", "paywalled")
                .With("open_url", "https://example.org/extra.pdf")
                .With("math_heavy", "true")
                .With("pages", "616")
                .With("edition", "2nd")
                .With("supersedes", "base-5")
                .With("status", "historical")
                .With("venue", "Communications of the ACM")
                .With("nicknames", "[Clocks, TCO]")
                .With("prerequisites", "[base-1]")
                .With("next", "[base-2, base-3]")
                .With("related", "[base-4]")
                .With("companion", "[base-3]")
                .With("sections", "\n    - { title: \"Ch. 1 Alpha\", topics: [alpha], pages: 40 }\n    - title: Lecture 2\n      topics: [alpha, beta]\n      url: https://example.org/extra/2\n      minutes: 50")
                .With("recommended_by", "[expert]"));

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        var expected = new Resource
        {
            Id = "extra",
            Title = "Time, Clocks: an Essay",
            Authors = ["Ada Lovelace", "Grace Hopper"],
            Year = 1978,
            Kind = ResourceKind.Book,
            Level = Level.Intermediate,
            MaxLevel = Level.Advanced,
            MathHeavy = true,
            PrimaryTopic = "beta",
            Topics = ["alpha", "beta"],
            Summary = "Folded summary over two lines.",
            Url = "https://example.org/extra",
            Venue = "Communications of the ACM",
            Access = Access.Paywalled,
            OpenUrl = "https://example.org/extra.pdf",
            Length = new ResourceLength(616, LengthUnit.Pages),
            Edition = "2nd",
            Supersedes = "base-5",
            Status = ResourceStatus.Historical,
            Nicknames = ["Clocks", "TCO"],
            Prerequisites = ["base-1"],
            Next = ["base-2", "base-3"],
            Related = ["base-4"],
            Companion = ["base-3"],
            Sections =
            [
                new ResourceSection("Ch. 1 Alpha", ["alpha"], Length: new ResourceLength(40, LengthUnit.Pages)),
                new ResourceSection("Lecture 2", ["alpha", "beta"], "https://example.org/extra/2", new ResourceLength(50, LengthUnit.Minutes)),
            ],
            RecommendedBy = ["expert"],
        };
        var actual = result.Catalog!.FindResource("extra");
        Assert.NotNull(actual);
        Assert.Equivalent(expected, actual, strict: true);
        Assert.True(actual.Free);
        Assert.True(actual.Suits(Level.Advanced));
        Assert.False(actual.Suits(Level.Beginner));
    }

    [Fact]
    public void Resources_keep_file_order_then_list_order()
    {
        _data.WriteResources("a-first.yaml", ResourceYaml.Valid("zeta"), ResourceYaml.Valid("eta"));

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Equal(
            ["zeta", "eta", "base-1", "base-2", "base-3", "base-4", "base-5"],
            result.Catalog!.Resources.Select(r => r.Id));
    }

    [Fact]
    public void Optional_fields_default_to_null_or_empty()
    {
        var resource = _data.Load().Catalog!.FindResource("base-1")!;

        Assert.Null(resource.Venue);
        Assert.Equal(Level.Beginner, resource.MaxLevel);
        Assert.False(resource.MathHeavy);
        Assert.Null(resource.OpenUrl);
        Assert.Null(resource.Length);
        Assert.Null(resource.Edition);
        Assert.Null(resource.Supersedes);
        Assert.Equal(ResourceStatus.Current, resource.Status);
        Assert.Empty(resource.Nicknames);
        Assert.Empty(resource.Prerequisites);
        Assert.Empty(resource.Next);
        Assert.Empty(resource.Related);
        Assert.Empty(resource.Companion);
        Assert.Empty(resource.Sections);
        Assert.Empty(resource.RecommendedBy);
    }

    [Fact]
    public void Missing_data_directory_is_a_problem_not_an_exception()
    {
        var missing = Path.Combine(_data.Path, "does-not-exist");

        var problem = ProblemAssert.Single(CatalogLoader.Load(missing));

        Assert.Equal(missing, problem.File);
        Assert.Contains("the data directory does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_resources_directory_is_reported()
    {
        _data.Delete("resources");

        var result = _data.Load(TempDataDirectory.RulesWithoutCoverage);

        ProblemAssert.SingleAt(result, "resources", 1, 1, "the resources directory is missing");
    }

    [Fact]
    public void Resources_directory_without_yaml_files_is_reported()
    {
        _data.Delete("resources/base.yaml");
        _data.Write("resources/notes.txt", "not a resource file");

        var result = _data.Load(TempDataDirectory.RulesWithoutCoverage);

        ProblemAssert.SingleAt(result, "resources", 1, 1, "has no .yaml files");
    }

    [Fact]
    public void LoadOrThrow_returns_the_catalog_when_valid()
    {
        var catalog = CatalogLoader.LoadOrThrow(_data.Path, TempDataDirectory.Rules);

        Assert.Equal(5, catalog.Resources.Count);
    }

    [Fact]
    public void LoadOrThrow_lists_every_problem_as_file_line_column_message()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra").With("kind", "journal"),
            ResourceYaml.Valid("other").With("year", "soon"));

        var exception = Assert.Throws<CatalogValidationException>(() => CatalogLoader.LoadOrThrow(_data.Path, TempDataDirectory.Rules));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Equal(Path.GetFullPath(_data.Path), exception.DataDirectory);
        var lines = exception.Message.Split('\n');
        Assert.Equal($"The reading catalog in '{Path.GetFullPath(_data.Path)}' has 2 problems:", lines[0]);
        Assert.StartsWith("resources/extra.yaml:5:9: \"kind\" is \"journal\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("resources/extra.yaml:15:9: \"year\" must be a whole number", lines[2], StringComparison.Ordinal);
    }
}
