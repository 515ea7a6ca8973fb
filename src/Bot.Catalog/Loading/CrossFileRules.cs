namespace Bot.Catalog.Loading;

/// <summary>Everything read from a data directory, before the rules that need more than one entry or file.</summary>
/// <param name="Topics">Null when topics.yaml could not be read, so topic references cannot be checked.</param>
/// <param name="Sources">Null when sources.yaml could not be read, so recommended_by cannot be checked.</param>
/// <param name="AllResourceFilesRead">False when a resources file had a YAML error, so some ids may be unknown.</param>
internal sealed record CatalogFiles(
    TopicsFile? Topics,
    IReadOnlyList<SourceDraft>? Sources,
    IReadOnlyList<ResourceDraft> Resources,
    bool AllResourceFilesRead);

/// <summary>Rules that compare entries with each other: uniqueness, references between files and topic coverage.</summary>
internal static class CrossFileRules
{
    public static void Check(CatalogFiles files, CatalogLoadOptions options, ProblemLog problems)
    {
        CheckUniqueIds(files.Resources, problems);
        CheckUniqueTitles(files.Resources, problems);

        if (files.Topics is not null)
        {
            CheckTopicReferences(files.Resources, files.Topics, problems);
        }

        if (files.Sources is not null)
        {
            CheckSourceReferences(files.Resources, files.Sources, problems);
        }

        // Without every file, a reference to an id in the unreadable file would be reported as dangling.
        if (files.AllResourceFilesRead)
        {
            CheckResourceReferences(files.Resources, problems);
            if (options.RequireTopicCoverage && files.Topics is not null)
            {
                CheckTopicCoverage(files.Resources, files.Topics, options, problems);
            }
        }
    }

    private static void CheckUniqueIds(IReadOnlyList<ResourceDraft> resources, ProblemLog problems)
    {
        var firstById = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var id in resources.Select(r => r.Id).OfType<Located<string>>())
        {
            if (!firstById.TryAdd(id.Value, id))
            {
                problems.Report(id.Location, $"duplicate resource id \"{id.Value}\"; it is first defined at {firstById[id.Value].Location}");
            }
        }
    }

    private static void CheckUniqueTitles(IReadOnlyList<ResourceDraft> resources, ProblemLog problems)
    {
        var firstByTitle = new Dictionary<string, (Located<string> Title, Located<string>? Id)>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (resource.Title is not { } title)
            {
                continue;
            }

            if (firstByTitle.TryGetValue(NormalizeTitle(title.Value), out var first))
            {
                var firstName = first.Id is null ? "another resource" : $"resource \"{first.Id.Value}\"";
                problems.Report(
                    title.Location,
                    $"title \"{title.Value}\" duplicates the title of {firstName} at {first.Title.Location} (titles are compared ignoring case and spacing)");
            }
            else
            {
                firstByTitle.Add(NormalizeTitle(title.Value), (title, resource.Id));
            }
        }
    }

    private static void CheckTopicReferences(IReadOnlyList<ResourceDraft> resources, TopicsFile topicsFile, ProblemLog problems)
    {
        var topicIds = topicsFile.Topics.Select(t => t.Id.Value).ToHashSet(StringComparer.Ordinal);
        var topicByAlias = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in topicsFile.Topics.Select(t => t.Topic).OfType<Topic>())
        {
            foreach (var alias in topic.Aliases)
            {
                topicByAlias.TryAdd(alias, topic.Id);
            }
        }

        foreach (var reference in resources.SelectMany(r => r.Topics))
        {
            if (topicIds.Contains(reference.Value))
            {
                continue;
            }

            string hint;
            if (topicByAlias.TryGetValue(reference.Value, out var aliasedTopic))
            {
                hint = $"\"{reference.Value}\" is an alias of topic \"{aliasedTopic}\"; list the topic id \"{aliasedTopic}\" instead";
            }
            else if (NearestMatch.Find(reference.Value, topicIds) is { } nearest)
            {
                hint = $"did you mean \"{nearest}\"? Topic ids are defined in topics.yaml";
            }
            else
            {
                hint = "topics.yaml defines no topics";
            }

            problems.Report(reference.Location, $"unknown topic \"{reference.Value}\"; {hint}");
        }
    }

    private static void CheckSourceReferences(
        IReadOnlyList<ResourceDraft> resources, IReadOnlyList<SourceDraft> sources, ProblemLog problems)
    {
        var sourceIds = sources.Select(s => s.Id.Value).ToArray();
        foreach (var reference in resources.SelectMany(r => r.RecommendedBy))
        {
            if (sourceIds.Contains(reference.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var nearest = NearestMatch.Find(reference.Value, sourceIds, NearestMatch.TypoDistanceFor(reference.Value));
            var hint = nearest is null ? string.Empty : $" did you mean \"{nearest}\"?";
            var known = sourceIds.Length == 0 ? "sources.yaml defines no sources" : $"sources defined in sources.yaml: {string.Join(", ", sourceIds)}";
            problems.Report(reference.Location, $"\"recommended_by\" names unknown source \"{reference.Value}\";{hint} {known}");
        }
    }

    private static void CheckResourceReferences(IReadOnlyList<ResourceDraft> resources, ProblemLog problems)
    {
        var resourceIds = resources.Select(r => r.Id?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            CheckReferences(resource, resource.Prerequisites, "prerequisites", "its own prerequisite", resourceIds, problems);
            CheckReferences(resource, resource.Next, "next", "its own next step", resourceIds, problems);
        }
    }

    private static void CheckReferences(
        ResourceDraft resource,
        IReadOnlyList<Located<string>> references,
        string field,
        string selfDescription,
        HashSet<string> resourceIds,
        ProblemLog problems)
    {
        foreach (var reference in references)
        {
            if (resource.Id is { } id && reference.Value == id.Value)
            {
                problems.Report(reference.Location, $"resource \"{id.Value}\" lists itself in \"{field}\"; a resource cannot be {selfDescription}");
            }
            else if (!resourceIds.Contains(reference.Value))
            {
                var nearest = NearestMatch.Find(reference.Value, resourceIds, NearestMatch.TypoDistanceFor(reference.Value));
                var hint = nearest is null ? "no resource in resources/*.yaml has that id" : $"did you mean \"{nearest}\"?";
                problems.Report(reference.Location, $"\"{field}\" refers to unknown resource id \"{reference.Value}\"; {hint}");
            }
        }
    }

    private static void CheckTopicCoverage(
        IReadOnlyList<ResourceDraft> resources, TopicsFile topicsFile, CatalogLoadOptions options, ProblemLog problems)
    {
        foreach (var topicId in topicsFile.Topics.Select(t => t.Id))
        {
            var onTopic = resources.Where(r => r.Topics.Any(t => t.Value == topicId.Value)).ToArray();
            if (onTopic.Length < options.MinimumResourcesPerTopic)
            {
                problems.Report(
                    topicId.Location,
                    $"topic \"{topicId.Value}\" has {onTopic.Length} resource(s); every topic needs at least {options.MinimumResourcesPerTopic}");
            }

            if (!onTopic.Any(r => r.Level?.Value == Level.Beginner))
            {
                problems.Report(
                    topicId.Location,
                    $"topic \"{topicId.Value}\" has no beginner resource; every topic needs at least one resource with level: beginner");
            }
        }
    }

    private static string NormalizeTitle(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
