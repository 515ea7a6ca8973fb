using Bot.Catalog.Loading;

namespace Bot.Catalog;

/// <summary>
/// Loads and validates a catalog data directory: <c>topics.yaml</c>, <c>sources.yaml</c> and <c>resources/*.yaml</c>.
/// Every rule runs over every file, so one load reports all problems, each with file, line and column.
/// </summary>
public static class CatalogLoader
{
    public const string TopicsFileName = "topics.yaml";
    public const string SourcesFileName = "sources.yaml";
    public const string ResourcesDirectoryName = "resources";

    public static CatalogLoadResult Load(string dataDirectory, CatalogLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        options ??= CatalogLoadOptions.Default;
        var problems = new ProblemLog();
        var root = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(root))
        {
            problems.Report(
                SourceLocation.StartOf(root),
                $"the data directory does not exist; it must contain {TopicsFileName}, {SourcesFileName} and {ResourcesDirectoryName}/*.yaml");
            return new CatalogLoadResult(null, problems.ToSortedList());
        }

        // Each file is parsed and checked on its own, into its own problem log, side by side on every core; the logs
        // are then joined in the order the files are listed, so the problems and the resources come out as one by one.
        var topicsProblems = new ProblemLog();
        var sourcesProblems = new ProblemLog();
        var listingProblems = new ProblemLog();
        var resourceFiles = ListResourceFiles(root, listingProblems);
        var resourceProblems = resourceFiles.Select(_ => new ProblemLog()).ToArray();
        var resourcesRead = new IReadOnlyList<ResourceDraft>?[resourceFiles.Length];
        TopicsFile? topics = null;
        IReadOnlyList<SourceDraft>? sources = null;
        Parallel.Invoke(
            () => topics = TryReadYaml(root, TopicsFileName, topicsProblems, out var topicsRoot)
                ? TopicsFileReader.Read(topicsRoot, TopicsFileName, options, topicsProblems)
                : null,
            () => sources = TryReadYaml(root, SourcesFileName, sourcesProblems, out var sourcesRoot)
                ? SourcesFileReader.Read(sourcesRoot, SourcesFileName, sourcesProblems)
                : null,
            () => Parallel.For(0, resourceFiles.Length, i =>
                resourcesRead[i] = TryReadYaml(root, resourceFiles[i], resourceProblems[i], out var resourcesRoot)
                    ? ResourceFileReader.Read(resourcesRoot, resourceFiles[i], options, resourceProblems[i])
                    : null));
        problems.Append(topicsProblems);
        problems.Append(sourcesProblems);
        problems.Append(listingProblems);
        foreach (var fileProblems in resourceProblems)
        {
            problems.Append(fileProblems);
        }

        // With no resource files (a problem already reported) every path step would also be reported as unknown.
        var allResourceFilesRead = resourceFiles.Length > 0 && resourcesRead.All(read => read is not null);
        var resources = resourcesRead.OfType<IReadOnlyList<ResourceDraft>>().SelectMany(read => read).ToList();

        CrossFileRules.Check(new CatalogFiles(topics, sources, resources, allResourceFilesRead), options, problems);

        if (problems.Count > 0 || topics is null || sources is null)
        {
            return new CatalogLoadResult(null, problems.ToSortedList());
        }

        var catalog = new ReadingCatalog(
            resources.Select(r => r.Resource).OfType<Resource>().ToArray(),
            topics.Topics.Select(t => t.Topic).OfType<Topic>().ToArray(),
            sources.Select(s => s.Source).OfType<Source>().ToArray(),
            topics.Confusions);
        return new CatalogLoadResult(catalog, []);
    }

    /// <summary>Loads the catalog or throws <see cref="CatalogValidationException"/> listing every problem; meant for start-up.</summary>
    public static ReadingCatalog LoadOrThrow(string dataDirectory, CatalogLoadOptions? options = null)
    {
        var result = Load(dataDirectory, options);
        return result.Succeeded
            ? result.Catalog
            : throw new CatalogValidationException(Path.GetFullPath(dataDirectory), result.Problems);
    }

    /// <summary>Resource files as paths relative to the data directory, in a stable order.</summary>
    private static string[] ListResourceFiles(string root, ProblemLog problems)
    {
        var directory = Path.Combine(root, ResourcesDirectoryName);
        if (!Directory.Exists(directory))
        {
            problems.Report(
                SourceLocation.StartOf(ResourcesDirectoryName),
                $"the {ResourcesDirectoryName} directory is missing; resources are listed in {ResourcesDirectoryName}/*.yaml");
            return [];
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Select(path => RelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            problems.Report(
                SourceLocation.StartOf(ResourcesDirectoryName),
                $"the {ResourcesDirectoryName} directory has no .yaml files; resources are listed in {ResourcesDirectoryName}/*.yaml");
        }

        return files;
    }

    /// <summary>False when the file is missing, unreadable or not valid YAML; the reason is reported.</summary>
    private static bool TryReadYaml(string root, string relativePath, ProblemLog problems, out YamlNode? node)
    {
        node = null;
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            problems.Report(SourceLocation.StartOf(relativePath), "the file is missing; the data directory must contain it");
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Report(SourceLocation.StartOf(relativePath), $"the file cannot be read: {ex.Message}");
            return false;
        }

        using var reader = new StringReader(text);
        return YamlTreeReader.TryRead(reader, relativePath, problems, out node);
    }

    private static string RelativePath(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
