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
                Topics = ["time-and-clocks"],
                Summary = "Lamport's happened-before relation.",
                Url = "https://example.org/clocks.pdf",
                Venue = "Communications of the ACM",
                Free = true,
                Nicknames = ["Lamport clocks"],
                Prerequisites = ["intro"],
                Next = ["vector-clocks"],
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
        [],
        [],
        []);

    private static readonly string[] _expectedKeys =
    [
        "id", "title", "authors", "year", "kind", "level", "topics", "summary", "url",
        "venue", "free", "nicknames", "prerequisites", "next", "recommended_by",
    ];

    [Fact]
    public void Writes_one_array_with_every_key_in_snake_case_for_every_resource()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (var resource in json.RootElement.EnumerateArray())
        {
            Assert.Equal(_expectedKeys, resource.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Writes_values_with_lowercase_enums_and_null_for_absent_optionals()
    {
        using var json = JsonDocument.Parse(CatalogJson.Serialize(_catalog));
        var paper = json.RootElement[0];
        var tool = json.RootElement[1];

        Assert.Equal("paper", paper.GetProperty("kind").GetString());
        Assert.Equal("intermediate", paper.GetProperty("level").GetString());
        Assert.Equal(1978, paper.GetProperty("year").GetInt32());
        Assert.True(paper.GetProperty("free").GetBoolean());
        Assert.Equal(["papers-we-love"], paper.GetProperty("recommended_by").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("tool", tool.GetProperty("kind").GetString());
        Assert.Equal("advanced", tool.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("venue").ValueKind);
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("free").ValueKind);
        Assert.Equal(0, tool.GetProperty("nicknames").GetArrayLength());
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
        var catalog = CatalogLoader.LoadOrThrow(data.Path);

        using var json = JsonDocument.Parse(CatalogJson.Serialize(catalog));

        Assert.Equal(
            catalog.Resources.Select(r => r.Id),
            json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}
