namespace Bot.Catalog.Loading;

/// <param name="Topic">Null when a required field of the topic is missing or invalid.</param>
internal sealed record TopicDraft(Located<string> Id, Topic? Topic);

internal sealed record TopicsFile(IReadOnlyList<TopicDraft> Topics, IReadOnlyList<TopicConfusion> Confusions);

/// <summary>Reads <c>topics.yaml</c>: the topic taxonomy and the notes on commonly confused terms.</summary>
internal static class TopicsFileReader
{
    private static readonly IReadOnlyList<string> _rootFields = ["topics", "confusions"];
    private static readonly IReadOnlyList<string> _topicFields = ["id", "name", "description", "aliases"];
    private static readonly IReadOnlyList<string> _confusionFields = ["terms", "note"];

    /// <summary>Null when the file's shape is too broken to know which topics exist.</summary>
    public static TopicsFile? Read(YamlNode? root, string file, ProblemLog problems)
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
                topics = ReadTopics(items, problems);
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

    private static List<TopicDraft> ReadTopics(YamlSequence items, ProblemLog problems)
    {
        var topics = new List<TopicDraft>();
        var firstById = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
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
            if (id is null)
            {
                continue;
            }

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
                };
            topics.Add(new TopicDraft(id, topic));
        }

        return topics;
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
