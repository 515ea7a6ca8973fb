namespace Bot.Catalog.Loading;

/// <param name="Source">Null when a required field of the source is missing or invalid.</param>
internal sealed record SourceDraft(Located<string> Id, Source? Source);

/// <summary>Reads <c>sources.yaml</c>: the reading lists and experts that resources cite in <c>recommended_by</c>.</summary>
internal static class SourcesFileReader
{
    private static readonly IReadOnlyList<string> _rootFields = ["sources"];
    private static readonly IReadOnlyList<string> _sourceFields = ["id", "name", "kind", "weight", "url"];

    /// <summary>Null when the file's shape is too broken to know which sources exist.</summary>
    public static IReadOnlyList<SourceDraft>? Read(YamlNode? root, string file, ProblemLog problems)
    {
        if (root is not YamlMapping mapping)
        {
            var found = root is null ? "the file is empty" : $"found {root.Shape}";
            problems.Report(
                root?.Location ?? SourceLocation.StartOf(file),
                $"sources.yaml must be a mapping with a \"sources\" list; {found}");
            return null;
        }

        FieldReader.ReportUnknownFields(mapping, "sources.yaml", _rootFields, problems);
        switch (mapping.Find("sources")?.Value)
        {
            case null:
                problems.Report(mapping.Location, "missing required field \"sources\" (the list of recommending sources)");
                return null;
            case YamlSequence items:
                return ReadSources(items, problems);
            case var other:
                problems.Report(other.Location, $"\"sources\" must be a list of sources, each starting with '- id: ...', not {other.Shape}");
                return null;
        }
    }

    private static List<SourceDraft> ReadSources(YamlSequence items, ProblemLog problems)
    {
        var sources = new List<SourceDraft>();
        var firstById = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var item in items.Items)
        {
            if (item is not YamlMapping sourceMapping)
            {
                problems.Report(item.Location, $"each source must be a mapping with id, name, kind and optional weight and url, not {item.Shape}");
                continue;
            }

            var fields = FieldReader.Open(sourceMapping, "a source", _sourceFields, problems);
            var id = fields.RequiredText("id");
            var name = fields.RequiredText("name");
            var kind = fields.RequiredEnum<SourceKind>("kind");
            var weight = fields.OptionalNumber("weight", exclusiveMinimum: 0, inclusiveMaximum: 1, "0.8");
            var url = fields.OptionalText("url");
            if (url is not null)
            {
                ValueRules.CheckUrl(url, problems);
            }

            if (id is null)
            {
                continue;
            }

            ValueRules.CheckSlug(id, "source id", problems);
            if (firstById.TryGetValue(id.Value, out var first))
            {
                problems.Report(id.Location, $"duplicate source id \"{id.Value}\"; it is first defined at {first.Location}");
                continue;
            }

            firstById.Add(id.Value, id);
            var source = name is null || kind is null || (weight is null && fields.Has("weight"))
                ? null
                : new Source
                {
                    Id = id.Value,
                    Name = name.Value,
                    Url = url?.Value,
                    Kind = kind.Value,
                    Weight = weight?.Value ?? Source.DefaultWeight(kind.Value),
                };
            sources.Add(new SourceDraft(id, source));
        }

        return sources;
    }
}
