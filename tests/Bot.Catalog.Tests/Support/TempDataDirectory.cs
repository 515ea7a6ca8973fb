namespace Bot.Catalog.Tests.Support;

/// <summary>
/// A minimal valid catalog data directory in a temp folder: two topics (alpha, beta), two sources and five resources
/// covering both topics with beginner entries, so the topic-coverage rule passes. Tests add or overwrite files to break one rule.
/// </summary>
internal sealed class TempDataDirectory : IDisposable
{
    public const string ValidTopicsYaml = """
        topics:
          - id: alpha
            name: Alpha
            description: The first test topic.
            aliases: [first, primary]
          - id: beta
            name: Beta
            description: The second test topic.
            aliases: [second]
        confusions:
          - terms: [alpha, beta]
            note: Alpha comes before beta.

        """;

    public const string ValidSourcesYaml = """
        sources:
          - id: reading-list
            name: A reading list
            url: https://example.org/list
          - id: expert
            name: An expert

        """;

    public static readonly string BaseResourcesYaml = ResourceYaml.ListOf(
        ResourceYaml.Valid("base-1").With("topics", "[alpha, beta]").With("level", "beginner"),
        ResourceYaml.Valid("base-2").With("topics", "[alpha, beta]").With("level", "intermediate"),
        ResourceYaml.Valid("base-3").With("topics", "[alpha, beta]").With("level", "advanced"),
        ResourceYaml.Valid("base-4").With("topics", "[alpha, beta]").With("level", "beginner"),
        ResourceYaml.Valid("base-5").With("topics", "[alpha, beta]").With("level", "advanced"));

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

    public CatalogLoadResult Load(CatalogLoadOptions? options = null) => CatalogLoader.Load(Path, options);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
