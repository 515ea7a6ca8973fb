namespace Bot.Catalog.Loading;

/// <summary>Reads one <c>resources/*.yaml</c> file: a YAML list of resource mappings.</summary>
internal static class ResourceFileReader
{
    private static readonly IReadOnlyList<string> _acceptedFields =
    [
        "id", "title", "authors", "year", "kind", "level", "topics", "summary", "url",
        "venue", "free", "nicknames", "prerequisites", "next", "recommended_by",
    ];

    private static readonly HashSet<ResourceKind> _kindsWithYear =
        [ResourceKind.Book, ResourceKind.Paper, ResourceKind.Talk, ResourceKind.Video, ResourceKind.Article];

    public static IReadOnlyList<ResourceDraft> Read(YamlNode? root, string file, CatalogLoadOptions options, ProblemLog problems)
    {
        switch (root)
        {
            case null:
                problems.Report(
                    SourceLocation.StartOf(file),
                    "the file is empty; a resources file must be a YAML list of resources, each item starting with '- id: ...'");
                return [];
            case YamlSequence sequence:
                return sequence.Items
                    .Select(item => ReadItem(item, options, problems))
                    .OfType<ResourceDraft>()
                    .ToArray();
            default:
                problems.Report(
                    root.Location,
                    $"a resources file must be a YAML list of resources, each item starting with '- id: ...', not {root.Shape}");
                return [];
        }
    }

    private static ResourceDraft? ReadItem(YamlNode item, CatalogLoadOptions options, ProblemLog problems)
    {
        if (item is YamlMapping mapping)
        {
            return ReadResource(mapping, options, problems);
        }

        problems.Report(item.Location, $"each resource must be a mapping of fields such as 'id: ...' and 'title: ...', not {item.Shape}");
        return null;
    }

    private static ResourceDraft ReadResource(YamlMapping mapping, CatalogLoadOptions options, ProblemLog problems)
    {
        var fields = FieldReader.Open(mapping, "a resource", _acceptedFields, problems);

        var id = fields.RequiredText("id");
        if (id is not null)
        {
            ValueRules.CheckSlug(id, "id", problems);
        }

        var title = fields.RequiredText("title");
        var authors = fields.RequiredTextList("authors", "Leslie Lamport");
        var year = fields.OptionalInteger("year", "1978");
        var kind = fields.RequiredEnum<ResourceKind>("kind");
        var level = fields.RequiredEnum<Level>("level");
        var topics = fields.RequiredTextList("topics", "consensus");
        var summary = fields.RequiredText("summary");
        var url = fields.RequiredText("url");
        var venue = fields.OptionalText("venue");
        var free = fields.OptionalBoolean("free");
        var nicknames = fields.OptionalTextList("nicknames", "DDIA");
        var prerequisites = fields.OptionalTextList("prerequisites", "raft-paper");
        var next = fields.OptionalTextList("next", "raft-paper");
        var recommendedBy = fields.OptionalTextList("recommended_by", "papers-we-love");

        CheckYear(fields, kind, year, options, problems);

        if (summary is not null && summary.Value.Length > options.MaximumSummaryLength)
        {
            problems.Report(
                summary.Location,
                $"\"summary\" is {summary.Value.Length} characters long; keep it to at most {options.MaximumSummaryLength}");
        }

        if (url is not null)
        {
            ValueRules.CheckUrl(url, problems);
        }

        ValueRules.CheckUniqueItems(topics ?? [], "topics", problems);
        ValueRules.CheckUniqueItems(prerequisites, "prerequisites", problems);
        ValueRules.CheckUniqueItems(next, "next", problems);
        ValueRules.CheckUniqueItems(recommendedBy, "recommended_by", problems);

        Resource? resource = null;
        if (id is not null && title is not null && authors is not null && kind is not null && level is not null
            && topics is not null && summary is not null && url is not null)
        {
            resource = new Resource
            {
                Id = id.Value,
                Title = title.Value,
                Authors = Values(authors),
                Year = year?.Value,
                Kind = kind.Value,
                Level = level.Value,
                Topics = Values(topics),
                Summary = summary.Value,
                Url = url.Value,
                Venue = venue?.Value,
                Free = free?.Value,
                Nicknames = Values(nicknames),
                Prerequisites = Values(prerequisites),
                Next = Values(next),
                RecommendedBy = Values(recommendedBy),
            };
        }

        return new ResourceDraft(mapping.Location, id, title, level, topics ?? [], prerequisites, next, recommendedBy, resource);
    }

    private static void CheckYear(
        FieldReader fields, Located<ResourceKind>? kind, Located<int>? year, CatalogLoadOptions options, ProblemLog problems)
    {
        if (kind is not null && _kindsWithYear.Contains(kind.Value) && !fields.Has("year"))
        {
            var kindsWithoutYear = Enum.GetValues<ResourceKind>().Where(k => !_kindsWithYear.Contains(k)).Select(Lowercase);
            problems.Report(
                fields.Location,
                $"missing required field \"year\"; it is required when kind is \"{Lowercase(kind.Value)}\" and optional only for {string.Join(", ", kindsWithoutYear)}");
        }

        if (year is null)
        {
            return;
        }

        var latest = options.Clock.GetUtcNow().Year + 1;
        if (year.Value < options.EarliestYear || year.Value > latest)
        {
            problems.Report(
                year.Location,
                $"\"year\" {year.Value} is implausible; expected a year from {options.EarliestYear} to {latest}");
        }
    }

    private static string Lowercase(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    private static string[] Values(IEnumerable<Located<string>> items) => items.Select(i => i.Value).ToArray();
}
