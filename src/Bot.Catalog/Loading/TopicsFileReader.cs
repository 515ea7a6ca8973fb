namespace Bot.Catalog.Loading;

/// <param name="Topic">Null when a required field of the topic is missing or invalid.</param>
/// <param name="Path">The steps' resource ids as written, for the rules that need the resources.</param>
internal sealed record TopicDraft(Located<string> Id, Topic? Topic, IReadOnlyList<Located<string>> Path);

internal sealed record TopicsFile(IReadOnlyList<TopicDraft> Topics, IReadOnlyList<TopicConfusion> Confusions);

/// <summary>Reads <c>topics.yaml</c>: the topic taxonomy and the notes on commonly confused terms.</summary>
internal static class TopicsFileReader
{
    private static readonly IReadOnlyList<string> _rootFields = ["topics", "confusions"];
    private static readonly IReadOnlyList<string> _topicFields = ["id", "name", "description", "aliases", "path", "related_topics"];
    private static readonly IReadOnlyList<string> _stepFields = ["id", "why"];
    private static readonly IReadOnlyList<string> _confusionFields = ["terms", "note"];

    /// <summary>Null when the file's shape is too broken to know which topics exist.</summary>
    public static TopicsFile? Read(YamlNode? root, string file, CatalogLoadOptions options, ProblemLog problems)
    {
        if (root is not YamlMapping mapping)
        {
            var found = root is null ? "the file is empty" : $"found {root.Shape}";
            problems.Report(
                root?.Location ?? SourceLocation.StartOf(file),
                $"topics.yaml must be a mapping with a \"topics\" list and an optional \"confusions\" list; {found}");
            return null;
        }

        FieldReader.ReportUnknownFields(mapping, "topics.yaml", _rootFields, problems);
        IReadOnlyList<TopicDraft> topics;
        switch (mapping.Find("topics")?.Value)
        {
            case null:
                problems.Report(mapping.Location, "missing required field \"topics\" (the list of topics)");
                return null;
            case YamlSequence items:
                topics = ReadTopics(items, options, problems);
                break;
            case var other:
                problems.Report(other.Location, $"\"topics\" must be a list of topics, each starting with '- id: ...', not {other.Shape}");
                return null;
        }

        var confusions = mapping.Find("confusions")?.Value is { } confusionNode
            ? ReadConfusions(confusionNode, problems)
            : [];
        return new TopicsFile(topics, confusions);
    }

    private static List<TopicDraft> ReadTopics(YamlSequence items, CatalogLoadOptions options, ProblemLog problems)
    {
        var topics = new List<TopicDraft>();
        var firstById = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        var firstByAlias = new Dictionary<string, (Located<string> Alias, string TopicId)>(StringComparer.OrdinalIgnoreCase);
        var relatedByTopic = new List<(Located<string> Topic, IReadOnlyList<Located<string>> Related)>();
        foreach (var item in items.Items)
        {
            if (item is not YamlMapping topicMapping)
            {
                problems.Report(item.Location, $"each topic must be a mapping with id, name, description and aliases, not {item.Shape}");
                continue;
            }

            var fields = FieldReader.Open(topicMapping, "a topic", _topicFields, problems);
            var id = fields.RequiredText("id");
            var name = fields.RequiredText("name");
            var description = fields.RequiredText("description");
            var aliases = fields.OptionalTextList("aliases", "paxos, raft");
            var path = ReadPath(fields, id, options, problems);
            var relatedTopics = fields.OptionalTextList("related_topics", "replication, consensus");
            ValueRules.CheckUniqueItems(relatedTopics, "related_topics", problems);
            if (id is null)
            {
                continue;
            }

            if (options.CheckAliasOwnership)
            {
                CheckAliasesUnique(id.Value, aliases, firstByAlias, problems);
            }
            relatedByTopic.Add((id, relatedTopics));

            ValueRules.CheckSlug(id, "topic id", problems);
            if (firstById.TryGetValue(id.Value, out var first))
            {
                problems.Report(id.Location, $"duplicate topic id \"{id.Value}\"; it is first defined at {first.Location}");
                continue;
            }

            firstById.Add(id.Value, id);
            var topic = name is null || description is null
                ? null
                : new Topic
                {
                    Id = id.Value,
                    Name = name.Value,
                    Description = description.Value,
                    Aliases = aliases.Select(a => a.Value).ToArray(),
                    Path = path.Steps,
                    RelatedTopics = relatedTopics.Select(t => t.Value).ToArray(),
                };
            topics.Add(new TopicDraft(id, path.Complete ? topic : null, path.Ids));
        }

        CheckRelatedTopics(relatedByTopic, firstById.Keys, problems);
        return topics;
    }

    private sealed record PathRead(IReadOnlyList<PathStep> Steps, IReadOnlyList<Located<string>> Ids, bool Complete);

    private static PathRead ReadPath(FieldReader fields, Located<string>? topicId, CatalogLoadOptions options, ProblemLog problems)
    {
        var topicName = topicId is null ? "this topic" : $"topic \"{topicId.Value}\"";
        var stepCount = $"{options.MinimumPathSteps}–{options.MaximumPathSteps} steps";
        if (fields.OptionalMappingList("path", "{ id: raft-paper, why: \"the readable original\" }") is not { } mappings)
        {
            if (!fields.Has("path") && options.RequireTopicPaths)
            {
                problems.Report(
                    fields.Location,
                    $"{topicName} has no \"path\"; every topic needs a reading path of {stepCount}, each - {{ id: <resource id>, why: \"<why read it now>\" }}");
            }

            return new PathRead([], [], Complete: !fields.Has("path"));
        }

        if (mappings.Count < options.MinimumPathSteps || mappings.Count > options.MaximumPathSteps)
        {
            problems.Report(
                fields.KeyLocation("path"),
                $"the path of {topicName} has {mappings.Count} step(s); a path has {stepCount}, from where to start to the originals and the deep end");
        }

        var steps = new List<PathStep>(mappings.Count);
        var ids = new List<Located<string>>(mappings.Count);
        foreach (var mapping in mappings)
        {
            var step = FieldReader.Open(mapping, "a path step", _stepFields, problems);
            var id = step.RequiredText("id");
            var why = step.RequiredText("why");
            if (id is not null)
            {
                ids.Add(id);
            }

            if (id is not null && why is not null)
            {
                steps.Add(new PathStep(id.Value, why.Value));
            }
        }

        foreach (var repeat in ids.GroupBy(i => i.Value, StringComparer.Ordinal).SelectMany(g => g.Skip(1)))
        {
            var first = ids.First(i => i.Value == repeat.Value);
            problems.Report(repeat.Location, $"the path of {topicName} lists \"{repeat.Value}\" twice; it is already step {ids.IndexOf(first) + 1} at {first.Location}");
        }

        return new PathRead(steps, ids, Complete: steps.Count == mappings.Count);
    }

    private static void CheckAliasesUnique(
        string topicId,
        IReadOnlyList<Located<string>> aliases,
        Dictionary<string, (Located<string> Alias, string TopicId)> firstByAlias,
        ProblemLog problems)
    {
        foreach (var alias in aliases)
        {
            if (!firstByAlias.TryGetValue(alias.Value, out var first))
            {
                firstByAlias.Add(alias.Value, (alias, topicId));
            }
            else if (first.TopicId == topicId)
            {
                problems.Report(alias.Location, $"\"aliases\" lists \"{alias.Value}\" more than once (ignoring case); the first is at {first.Alias.Location}");
            }
            else
            {
                problems.Report(
                    alias.Location,
                    $"alias \"{alias.Value}\" already belongs to topic \"{first.TopicId}\" at {first.Alias.Location}; an alias may name one topic only (ignoring case), so remove it from one of them");
            }
        }
    }

    private static void CheckRelatedTopics(
        IEnumerable<(Located<string> Topic, IReadOnlyList<Located<string>> Related)> relatedByTopic,
        IEnumerable<string> topicIds,
        ProblemLog problems)
    {
        var known = topicIds.ToArray();
        foreach (var (topic, related) in relatedByTopic)
        {
            foreach (var reference in related)
            {
                if (reference.Value == topic.Value)
                {
                    problems.Report(reference.Location, $"topic \"{topic.Value}\" lists itself in \"related_topics\"; name other topics only");
                }
                else if (!known.Contains(reference.Value, StringComparer.Ordinal))
                {
                    var nearest = NearestMatch.Find(reference.Value, known, NearestMatch.TypoDistanceFor(reference.Value));
                    var hint = nearest is null ? "related_topics names topic ids defined in topics.yaml" : $"did you mean \"{nearest}\"?";
                    problems.Report(reference.Location, $"\"related_topics\" names unknown topic \"{reference.Value}\"; {hint}");
                }
            }
        }
    }

    private static List<TopicConfusion> ReadConfusions(YamlNode node, ProblemLog problems)
    {
        var confusions = new List<TopicConfusion>();
        if (node is not YamlSequence items)
        {
            problems.Report(node.Location, $"\"confusions\" must be a list of entries with \"terms\" and \"note\", not {node.Shape}");
            return confusions;
        }

        foreach (var item in items.Items)
        {
            if (item is not YamlMapping confusionMapping)
            {
                problems.Report(item.Location, $"each confusion must be a mapping with \"terms\" and \"note\", not {item.Shape}");
                continue;
            }

            var fields = FieldReader.Open(confusionMapping, "a confusion", _confusionFields, problems);
            var terms = fields.RequiredTextList("terms", "consensus, consistency");
            var note = fields.RequiredText("note");
            if (terms is { Count: < 2 })
            {
                problems.Report(fields.Location, "a confusion must name at least two terms that people mix up, e.g. terms: [consensus, consistency]");
                continue;
            }

            if (terms is not null && note is not null)
            {
                confusions.Add(new TopicConfusion { Terms = terms.Select(t => t.Value).ToArray(), Note = note.Value });
            }
        }

        return confusions;
    }
}
