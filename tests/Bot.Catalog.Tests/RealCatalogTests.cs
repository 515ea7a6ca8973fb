using Bot.Catalog.Loading;
using Bot.Catalog.Tests.Support;
using Bot.Testing;

namespace Bot.Catalog.Tests;

/// <summary>Checks the catalog shipped in the repository's data directory.</summary>
public sealed class RealCatalogTests
{
    private static readonly Lazy<CatalogLoadResult> _realCatalog = new(() => CatalogLoader.Load(Repository.DataDirectory));

    // Read file by file, ignoring problems elsewhere, so a seed's facts are checked even while another entry is broken;
    // whether the whole catalog is valid is the zero-problems test's job.
    private static readonly Lazy<IReadOnlyList<Resource>> _realResources = new(ReadEveryReadableResource);

    public static TheoryData<string, string?, string[]?, string?, int?> SeedResources => new()
    {
        { "lamport-clocks", "Time, Clocks, and the Ordering of Events in a Distributed System", ["Leslie Lamport"], null, 1978 },
        { "raft-paper", "In Search of an Understandable Consensus Algorithm", ["Diego Ongaro", "John Ousterhout"], null, 2014 },
        { "dynamo", null, null, "Giuseppe DeCandia", 2007 },
        { "spanner", null, null, null, 2012 },
        { "mapreduce", "MapReduce: Simplified Data Processing on Large Clusters", ["Jeffrey Dean", "Sanjay Ghemawat"], null, 2004 },
        { "byzantine-generals", "The Byzantine Generals Problem", ["Leslie Lamport", "Robert Shostak", "Marshall Pease"], null, 1982 },
        { "harvest-yield", null, null, null, 1999 },
        { "flp-impossibility", null, null, null, 1985 },
        { "chubby", null, ["Mike Burrows"], null, 2006 },
        { "crdts-shapiro-2011", null, null, null, 2011 },
        { "designing-data-intensive-applications", null, ["Martin Kleppmann"], null, 2017 },
        { "understanding-distributed-systems", null, ["Roberto Vitillo"], null, null },
        { "database-internals", null, ["Alex Petrov"], null, 2019 },
        { "building-microservices", null, ["Sam Newman"], null, null },
        { "site-reliability-engineering", null, null, null, 2016 },
        { "mit-6824", null, null, null, null },
        { "jepsen", null, null, null, null },
        { "terraform-up-and-running", null, ["Yevgeniy Brikman"], null, null },
        { "security-engineering", null, ["Ross Anderson"], null, null },
        { "distributed-services-with-go", null, ["Travis Jeffery"], null, 2021 },
    };

    [Fact]
    public void Real_catalog_loads_with_zero_problems()
    {
        var result = _realCatalog.Value;

        Assert.True(
            result.Problems.Count == 0,
            $"{Repository.DataDirectory} has {result.Problems.Count} problem(s):\n{CatalogLinter.Format(result.Problems)}");
    }

    /// <summary>Pins facts of well-known resources; null columns are not pinned for that resource.</summary>
    [Theory]
    [MemberData(nameof(SeedResources))]
    public void Seed_resource_has_its_known_facts(string id, string? title, string[]? authors, string? firstAuthor, int? year)
    {
        var resource = _realResources.Value.FirstOrDefault(r => r.Id == id);

        Assert.True(resource is not null, $"the real catalog has no resource with id \"{id}\"");
        if (title is not null)
        {
            Assert.Equal(title, resource.Title);
        }

        if (authors is not null)
        {
            Assert.Equal(authors, resource.Authors);
        }

        if (firstAuthor is not null)
        {
            Assert.Equal(firstAuthor, resource.Authors[0]);
        }

        if (year is not null)
        {
            Assert.Equal(year, resource.Year);
        }
    }

    private static IReadOnlyList<Resource> ReadEveryReadableResource()
    {
        var data = Repository.DataDirectory;
        var resources = new List<Resource>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(data, "resources"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var ignored = new ProblemLog();
            using var reader = File.OpenText(path);
            if (YamlTreeReader.TryRead(reader, path, ignored, out var root))
            {
                resources.AddRange(
                    ResourceFileReader.Read(root, path, CatalogLoadOptions.Default, ignored)
                        .Select(draft => draft.Resource)
                        .OfType<Resource>());
            }
        }

        return resources;
    }
}
