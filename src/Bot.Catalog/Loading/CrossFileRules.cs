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
            if (options.CheckPrerequisiteLevels)
            {
                CheckPrerequisiteLevels(files.Resources, problems);
            }

            if (options.CheckNicknameOwnership)
            {
                CheckNicknameOwnership(files.Resources, problems);
            }

            if (files.Topics is not null)
            {
                CheckTopicPaths(files.Resources, files.Topics, problems);
            }

            if (options.RequireTopicCoverage && files.Topics is not null)
            {
                CheckTopicCoverage(files.Resources, files.Topics, options, problems);
                CheckCatalogSize(files.Resources, files.Topics, options, problems);
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

        foreach (var reference in resources.SelectMany(r => r.Topics.Concat(r.SectionTopics)))
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
            CheckReferences(resource, resource.Related, "related", "related to itself", resourceIds, problems);
            CheckReferences(resource, resource.Companion, "companion", "its own companion", resourceIds, problems);
            CheckReferences(resource, resource.Supersedes is { } s ? [s] : [], "supersedes", "its own earlier edition", resourceIds, problems);
        }
    }

    private static void CheckPrerequisiteLevels(IReadOnlyList<ResourceDraft> resources, ProblemLog problems)
    {
        var byId = UniqueById(resources);
        foreach (var resource in resources)
        {
            if (resource.Level is not { } level)
            {
                continue;
            }

            foreach (var reference in resource.Prerequisites)
            {
                if (byId.GetValueOrDefault(reference.Value)?.Level is { } prerequisiteLevel && prerequisiteLevel.Value > level.Value)
                {
                    problems.Report(
                        reference.Location,
                        $"prerequisite \"{reference.Value}\" starts at level {LevelName(prerequisiteLevel.Value)}, harder than this resource's entry level {LevelName(level.Value)}; "
                        + "a prerequisite must not be harder than the item that needs it: list it under \"next\" or \"related\" instead, or correct one of the levels");
                }
            }
        }
    }

    /// <summary>
    /// A nickname names one resource (ignoring case), and is not the surname of an author with several catalogued
    /// works, since a reader typing that name could mean any of them.
    /// </summary>
    private static void CheckNicknameOwnership(IReadOnlyList<ResourceDraft> resources, ProblemLog problems)
    {
        var worksByAuthor = resources
            .SelectMany(r => r.Authors.Distinct(StringComparer.OrdinalIgnoreCase).Select(a => (Author: a, Resource: r)))
            .GroupBy(p => p.Author, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToArray();
        var prolificBySurname = worksByAuthor
            .GroupBy(g => Surname(g.Key), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var firstByNickname = new Dictionary<string, (Located<string> Nickname, Located<string>? Id)>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            foreach (var nickname in resource.Nicknames.DistinctBy(n => n.Value, StringComparer.OrdinalIgnoreCase))
            {
                if (prolificBySurname.TryGetValue(nickname.Value, out var author))
                {
                    var works = author.Select(w => w.Resource.Id?.Value).OfType<string>().ToArray();
                    problems.Report(
                        nickname.Location,
                        $"nickname \"{nickname.Value}\" is the surname of {author.Key}, who has {author.Count()} catalogued works ({string.Join(", ", works.Take(4))}{(works.Length > 4 ? ", ..." : string.Empty)}); "
                        + "a reader typing it could mean any of them, so use a name only this resource has");
                }

                if (!firstByNickname.TryGetValue(nickname.Value, out var first))
                {
                    firstByNickname.Add(nickname.Value, (nickname, resource.Id));
                }
                else
                {
                    var owner = first.Id is null ? "another resource" : $"resource \"{first.Id.Value}\"";
                    problems.Report(
                        nickname.Location,
                        $"nickname \"{nickname.Value}\" already belongs to {owner} at {first.Nickname.Location}; a nickname names one resource only (ignoring case), so keep it on the one people mean by it");
                }
            }
        }
    }

    private static void CheckTopicPaths(IReadOnlyList<ResourceDraft> resources, TopicsFile topicsFile, ProblemLog problems)
    {
        var byId = UniqueById(resources);
        foreach (var topic in topicsFile.Topics)
        {
            foreach (var step in topic.Path)
            {
                if (!byId.TryGetValue(step.Value, out var resource))
                {
                    var nearest = NearestMatch.Find(step.Value, byId.Keys, NearestMatch.TypoDistanceFor(step.Value));
                    var hint = nearest is null ? "no resource in resources/*.yaml has that id" : $"did you mean \"{nearest}\"?";
                    problems.Report(step.Location, $"the path of topic \"{topic.Id.Value}\" names unknown resource id \"{step.Value}\"; {hint}");
                }
                else if (!resource.Topics.Any(t => t.Value == topic.Id.Value))
                {
                    problems.Report(
                        step.Location,
                        $"resource \"{step.Value}\" is on the path of topic \"{topic.Id.Value}\" but does not list that topic in its \"topics\" ({string.Join(", ", resource.Topics.Select(t => t.Value))}); "
                        + $"add \"{topic.Id.Value}\" to its topics or take it off the path");
                }
            }
        }
    }

    private static void CheckCatalogSize(
        IReadOnlyList<ResourceDraft> resources, TopicsFile topicsFile, CatalogLoadOptions options, ProblemLog problems)
    {
        if (topicsFile.Topics.Count < options.MinimumTopics)
        {
            problems.Report(
                SourceLocation.StartOf(CatalogLoader.TopicsFileName),
                $"the catalog has {topicsFile.Topics.Count} topic(s); it needs at least {options.MinimumTopics}");
        }

        if (resources.Count < options.MinimumResources)
        {
            problems.Report(
                SourceLocation.StartOf(CatalogLoader.ResourcesDirectoryName),
                $"the catalog has {resources.Count} resource(s); it needs at least {options.MinimumResources}");
        }
    }

    /// <summary>The first resource for each id; duplicates are reported elsewhere.</summary>
    private static Dictionary<string, ResourceDraft> UniqueById(IReadOnlyList<ResourceDraft> resources)
    {
        var byId = new Dictionary<string, ResourceDraft>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (resource.Id is { } id)
            {
                byId.TryAdd(id.Value, resource);
            }
        }

        return byId;
    }

    /// <summary>The last word of a name, skipping generational suffixes such as "Jr.".</summary>
    private static string Surname(string author)
    {
        var words = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.LastOrDefault(w => w.TrimEnd('.', ',') is not ("Jr" or "Sr" or "II" or "III" or "IV")) ?? author;
        return last.TrimEnd(',');
    }

    private static string LevelName(Level level) => FieldReader.EnumName(level);

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

            CheckLevelCoverage(topicId, onTopic, Level.Beginner, options.MinimumBeginnerResourcesPerTopic, problems);
            CheckLevelCoverage(topicId, onTopic, Level.Advanced, options.MinimumAdvancedResourcesPerTopic, problems);
        }
    }

    private static void CheckLevelCoverage(
        Located<string> topicId, ResourceDraft[] onTopic, Level level, int minimum, ProblemLog problems)
    {
        var suiting = onTopic.Count(r => r.Suits(level));
        if (suiting < minimum)
        {
            var name = LevelName(level);
            problems.Report(
                topicId.Location,
                $"topic \"{topicId.Value}\" has {suiting} resource(s) for {name} readers; every topic needs at least {minimum} whose level range includes {name} (e.g. level: {name} or a range such as {(level == Level.Beginner ? "beginner-intermediate" : "intermediate-advanced")})");
        }
    }

    private static string NormalizeTitle(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
