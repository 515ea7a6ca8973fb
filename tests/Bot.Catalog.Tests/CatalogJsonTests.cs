using System.Text.Json;
using System.Text;
using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests;

public sealed class CatalogJsonTests
{
    private static readonly ReadingCatalog _catalog = new(
        [
            new Resource
            {
                Id = "lamport-clocks",
                Title = "Time, Clocks, and the Ordering of Events in a Distributed System",
                Authors = ["Leslie Lamport"],
                Year = 1978,
                Kind = ResourceKind.Paper,
                Level = Level.Intermediate,
                MaxLevel = Level.Advanced,
                MathHeavy = true,
                PrimaryTopic = "time-and-clocks",
                Topics = ["time-and-clocks"],
                Summary = "Lamport's happened-before relation.",
                Url = "https://example.org/clocks.pdf",
                Venue = "Communications of the ACM",
                Access = Access.FreeRegistration,
                OpenUrl = "https://example.org/open/clocks.pdf",
                Length = new ResourceLength(8, LengthUnit.Pages),
                Edition = "2nd",
                Supersedes = "clocks-draft",
                Status = ResourceStatus.Historical,
                Nicknames = ["Lamport clocks"],
                Prerequisites = ["intro"],
                Next = ["vector-clocks"],
                Related = ["vector-clocks"],
                Companion = ["clocks-talk"],
                Sections = [new ResourceSection("Part 1", ["time-and-clocks"], "https://example.org/part1", new ResourceLength(3, LengthUnit.Pages))],
                RecommendedBy = ["papers-we-love"],
            },
            new Resource
            {
                Id = "jepsen",
                Title = "Jepsen",
                Authors = ["Kyle Kingsbury"],
                Kind = ResourceKind.Tool,
                Level = Level.Advanced,
                Topics = ["testing-and-verification"],
                Summary = "Tests databases under partitions.",
                Url = "https://jepsen.io",
            },
        ],
        [
            new Topic
            {
                Id = "time-and-clocks",
                Name = "Time and clocks",
                Description = "Ordering events.",
                Aliases = ["clocks"],
                Path = [new PathStep("lamport-clocks", "The original.")],
                RelatedTopics = ["consensus"],
            },
        ],
        [new Source { Id = "papers-we-love", Name = "Papers We Love", Kind = SourceKind.Listicle }],
        []);

    private static readonly string[] _expectedResourceKeys =
    [
        "id", "title", "authors", "year", "kind", "level", "max_level", "math_heavy", "primary_topic", "topics", "summary", "url",
        "venue", "access", "open_url", "length", "edition", "supersedes", "status", "nicknames", "concepts", "prerequisites", "next",
        "related", "companion", "sections", "recommended_by",
    ];

    [Fact]
    public void Writes_one_object_with_resources_topics_and_sources()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));

        Assert.Equal(["resources", "topics", "sources"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, json.RootElement.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    public void Writes_every_key_in_snake_case_for_every_resource()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));

        foreach (var resource in json.RootElement.GetProperty("resources").EnumerateArray())
        {
            Assert.Equal(_expectedResourceKeys, resource.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Writes_values_with_yaml_enum_names_and_null_for_absent_optionals()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));
        var paper = json.RootElement.GetProperty("resources")[0];
        var tool = json.RootElement.GetProperty("resources")[1];

        Assert.Equal("paper", paper.GetProperty("kind").GetString());
        Assert.Equal("intermediate", paper.GetProperty("level").GetString());
        Assert.Equal("advanced", paper.GetProperty("max_level").GetString());
        Assert.True(paper.GetProperty("math_heavy").GetBoolean());
        Assert.Equal("time-and-clocks", paper.GetProperty("primary_topic").GetString());
        Assert.Equal("free-registration", paper.GetProperty("access").GetString());
        Assert.Equal("https://example.org/open/clocks.pdf", paper.GetProperty("open_url").GetString());
        Assert.Equal(8, paper.GetProperty("length").GetProperty("value").GetInt32());
        Assert.Equal("pages", paper.GetProperty("length").GetProperty("unit").GetString());
        Assert.Equal("2nd", paper.GetProperty("edition").GetString());
        Assert.Equal("clocks-draft", paper.GetProperty("supersedes").GetString());
        Assert.Equal("historical", paper.GetProperty("status").GetString());
        Assert.Equal(["vector-clocks"], paper.GetProperty("related").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["clocks-talk"], paper.GetProperty("companion").EnumerateArray().Select(e => e.GetString()));
        var section = Assert.Single(paper.GetProperty("sections").EnumerateArray());
        Assert.Equal("Part 1", section.GetProperty("title").GetString());
        Assert.Equal("https://example.org/part1", section.GetProperty("url").GetString());
        Assert.Equal(3, section.GetProperty("length").GetProperty("value").GetInt32());
        Assert.Equal(1978, paper.GetProperty("year").GetInt32());
        Assert.Equal(["papers-we-love"], paper.GetProperty("recommended_by").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("tool", tool.GetProperty("kind").GetString());
        Assert.Equal("advanced", tool.GetProperty("level").GetString());
        Assert.Equal("advanced", tool.GetProperty("max_level").GetString());
        Assert.Equal("paywalled", tool.GetProperty("access").GetString());
        Assert.Equal("current", tool.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("venue").ValueKind);
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("length").ValueKind);
        Assert.Equal(0, tool.GetProperty("nicknames").GetArrayLength());
    }

    [Fact]
    public void Writes_topics_with_paths_and_sources_with_kind_and_weight()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));
        var topic = Assert.Single(json.RootElement.GetProperty("topics").EnumerateArray());
        var source = Assert.Single(json.RootElement.GetProperty("sources").EnumerateArray());

        var step = Assert.Single(topic.GetProperty("path").EnumerateArray());
        Assert.Equal("lamport-clocks", step.GetProperty("resource_id").GetString());
        Assert.Equal("The original.", step.GetProperty("why").GetString());
        Assert.Equal(["consensus"], topic.GetProperty("related_topics").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("listicle", source.GetProperty("kind").GetString());
        Assert.Equal(0.4, source.GetProperty("weight").GetDouble());
    }

    [Fact]
    public void Keeps_apostrophes_readable()
    {
        var text = CatalogJson.Serialize(_catalog);

        Assert.Contains("Lamport's happened-before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_to_a_stream_matches_Serialize()
    {
        using var stream = new MemoryStream();

        CatalogJson.Write(stream, _catalog);

        Assert.Equal(CatalogJson.Serialize(_catalog), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Serializes_a_loaded_catalog_with_one_entry_per_resource()
    {
        using var data = TempDataDirectory.CreateValid();
        var catalog = CatalogLoader.LoadOrThrow(data.Path, TempDataDirectory.Rules);

        using var json = JsonDocument.Parse(CatalogJson.Serialize(catalog));

        Assert.Equal(
            catalog.Resources.Select(r => r.Id),
            json.RootElement.GetProperty("resources").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}
