namespace Bot.Catalog.Tests.Support;

/// <summary>
/// A minimal valid catalog data directory in a temp folder: two topics (alpha, beta) with four-step paths, two sources
/// and five resources covering both topics with two beginner and two advanced entries, so <see cref="Rules"/> pass.
/// Tests add or overwrite files to break one rule.
/// </summary>
internal sealed class TempDataDirectory : IDisposable
{
    public const string ValidTopicsYaml = """
        topics:
          - id: alpha
            name: Alpha
            description: The first test topic.
            aliases: [first, primary]
            path:
              - { id: base-1, why: Start here. }
              - { id: base-2, why: The next step. }
              - { id: base-3, why: The original. }
              - { id: base-5, why: The deep end. }
            related_topics: [beta]
          - id: beta
            name: Beta
            description: The second test topic.
            aliases: [second]
            path:
              - { id: base-4, why: Start here. }
              - { id: base-1, why: Another start. }
              - { id: base-2, why: The next step. }
              - { id: base-3, why: The deep end. }
        confusions:
          - terms: [alpha, beta]
            note: Alpha comes before beta.

        """;

    public const string ValidSourcesYaml = """
        sources:
          - id: reading-list
            name: A reading list
            kind: community
            url: https://example.org/list
          - id: expert
            name: An expert
            kind: expert

        """;

    public static readonly string BaseResourcesYaml = ResourceYaml.ListOf(
        ResourceYaml.Valid("base-1").With("topics", "[alpha, beta]").With("level", "beginner"),
        ResourceYaml.Valid("base-2").With("topics", "[alpha, beta]").With("level", "intermediate"),
        ResourceYaml.Valid("base-3").With("topics", "[alpha, beta]").With("level", "advanced"),
        ResourceYaml.Valid("base-4").With("topics", "[alpha, beta]").With("level", "beginner"),
        ResourceYaml.Valid("base-5").With("topics", "[alpha, beta]").With("level", "advanced"));

    /// <summary>
    /// Every rule of schema v2 with the minimums scaled to the fixture: per topic 5 resources, 2 beginner and 2 advanced;
    /// 2 topics and 5 resources overall. Paths are optional so a test that rewrites topics.yaml need not repeat them.
    /// </summary>
    public static CatalogLoadOptions Rules { get; } = CatalogLoadOptions.Default with
    {
        MinimumResourcesPerTopic = 5,
        MinimumBeginnerResourcesPerTopic = 2,
        MinimumAdvancedResourcesPerTopic = 2,
        MinimumTopics = 2,
        MinimumResources = 5,
        RequireTopicPaths = false,
    };

    public static CatalogLoadOptions RulesWithoutCoverage { get; } = Rules with { RequireTopicCoverage = false };

    private TempDataDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TempDataDirectory CreateValid()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bot-catalog-tests", Guid.NewGuid().ToString("N"));
        var data = new TempDataDirectory(path);
        data.Write("topics.yaml", ValidTopicsYaml);
        data.Write("sources.yaml", ValidSourcesYaml);
        data.Write("resources/base.yaml", BaseResourcesYaml);
        return data;
    }

    public void Write(string relativePath, string content)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
    }

    public void WriteResources(string fileName, params ResourceYaml[] resources) =>
        Write($"resources/{fileName}", ResourceYaml.ListOf(resources));

    public void Delete(string relativePath)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        if (Directory.Exists(fullPath))
        {
            Directory.Delete(fullPath, recursive: true);
        }
        else
        {
            File.Delete(fullPath);
        }
    }

    /// <summary>Loads with <paramref name="options"/>, by default <see cref="Rules"/>.</summary>
    public CatalogLoadResult Load(CatalogLoadOptions? options = null) => CatalogLoader.Load(Path, options ?? Rules);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
