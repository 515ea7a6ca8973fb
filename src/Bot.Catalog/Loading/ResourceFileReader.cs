namespace Bot.Catalog.Loading;

/// <summary>Reads one <c>resources/*.yaml</c> file: a YAML list of resource mappings.</summary>
internal static class ResourceFileReader
{
    private static readonly IReadOnlyList<string> _acceptedFields =
    [
        "id", "title", "authors", "year", "kind", "level", "math_heavy", "primary_topic", "topics", "summary", "url",
        "venue", "access", "open_url", "pages", "minutes", "weeks", "edition", "supersedes", "status",
        "nicknames", "concepts", "prerequisites", "next", "related", "companion", "sections", "recommended_by",
    ];

    private static readonly IReadOnlyDictionary<string, string> _retiredFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["free"] = "write \"access\" instead: open (was free: true), or purchase or paywalled (was free: false); "
            + "accepted access values: open, free-registration, paywalled, purchase",
    };

    private static readonly IReadOnlyList<string> _sectionFields = ["title", "topics", "url", "pages", "minutes"];

    private static readonly IReadOnlyList<string> _lengthFields = ["pages", "minutes", "weeks"];

    private static readonly IReadOnlyList<string> _sectionLengthFields = ["pages", "minutes"];

    private static readonly string _acceptedLevels = string.Join(
        ", ",
        Enum.GetValues<Level>().Select(LevelName)
            .Concat(Enum.GetValues<Level>().SelectMany(from => Enum.GetValues<Level>().Where(to => to > from).Select(to => $"{LevelName(from)}-{LevelName(to)}"))));

    // A paper is cited by its year; books, talks and articles are often living documents or undated pages, and a
    // guessed year is worse than none.
    private static readonly HashSet<ResourceKind> _kindsWithYear = [ResourceKind.Paper];

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
        var fields = FieldReader.Open(mapping, "a resource", _acceptedFields, problems, _retiredFields);

        var id = fields.RequiredText("id");
        if (id is not null)
        {
            ValueRules.CheckSlug(id, "id", problems);
        }

        var title = fields.RequiredText("title");
        var authors = fields.RequiredTextList("authors", "Leslie Lamport");
        var year = fields.OptionalInteger("year", "1978");
        var kind = fields.RequiredEnum<ResourceKind>("kind");
        var (level, maxLevel) = ReadLevel(fields, problems);
        var mathHeavy = fields.OptionalBoolean("math_heavy");
        var primaryTopic = fields.RequiredText("primary_topic");
        var topics = fields.RequiredTextList("topics", "consensus");
        var summary = fields.RequiredText("summary");
        var url = fields.RequiredText("url");
        var venue = fields.OptionalText("venue");
        var access = fields.RequiredEnum<Access>("access");
        var openUrl = fields.OptionalText("open_url");
        var length = ReadLength(fields, _lengthFields, problems);
        var edition = fields.OptionalText("edition");
        var supersedes = fields.OptionalText("supersedes");
        var status = fields.OptionalEnum<ResourceStatus>("status");
        var nicknames = fields.OptionalTextList("nicknames", "DDIA");
        var concepts = fields.OptionalTextList("concepts", "backpressure");
        var prerequisites = fields.OptionalTextList("prerequisites", "raft-paper");
        var next = fields.OptionalTextList("next", "raft-paper");
        var related = fields.OptionalTextList("related", "raft-paper");
        var companion = fields.OptionalTextList("companion", "raft-visualization");
        var sections = ReadSections(fields, problems);
        var recommendedBy = fields.OptionalTextList("recommended_by", "papers-we-love");

        CheckYear(fields, kind, year, options, problems);

        if (summary is not null && summary.Value.Length > options.MaximumSummaryLength)
        {
            problems.Report(
                summary.Location,
                $"\"summary\" is {summary.Value.Length} characters long; keep it to at most {options.MaximumSummaryLength}");
        }

        CheckConcepts(concepts, options, problems);

        if (url is not null)
        {
            ValueRules.CheckUrl(url, problems);
        }

        if (openUrl is not null)
        {
            ValueRules.CheckUrl(openUrl, problems, "open_url");
        }

        if (primaryTopic is not null && topics is not null && !topics.Any(t => t.Value == primaryTopic.Value))
        {
            problems.Report(
                primaryTopic.Location,
                $"\"primary_topic\" is \"{primaryTopic.Value}\", which is not in \"topics\"; the primary topic must be one of: {string.Join(", ", topics.Select(t => t.Value))}");
        }

        ValueRules.CheckUniqueItems(topics ?? [], "topics", problems);
        ValueRules.CheckUniqueItems(nicknames, "nicknames", problems, StringComparer.OrdinalIgnoreCase);
        ValueRules.CheckUniqueItems(prerequisites, "prerequisites", problems);
        ValueRules.CheckUniqueItems(next, "next", problems);
        ValueRules.CheckUniqueItems(related, "related", problems);
        ValueRules.CheckUniqueItems(companion, "companion", problems);
        ValueRules.CheckUniqueItems(recommendedBy, "recommended_by", problems);

        Resource? resource = null;
        if (id is not null && title is not null && authors is not null && kind is not null && level is not null
            && maxLevel is not null && primaryTopic is not null && topics is not null && summary is not null
            && url is not null && access is not null && sections.Complete)
        {
            resource = new Resource
            {
                Id = id.Value,
                Title = title.Value,
                Authors = Values(authors),
                Year = year?.Value,
                Kind = kind.Value,
                Level = level.Value,
                MaxLevel = maxLevel.Value,
                MathHeavy = mathHeavy?.Value ?? false,
                PrimaryTopic = primaryTopic.Value,
                Topics = Values(topics),
                Summary = summary.Value,
                Url = url.Value,
                Venue = venue?.Value,
                Access = access.Value,
                OpenUrl = openUrl?.Value,
                Length = length,
                Edition = edition?.Value,
                Supersedes = supersedes?.Value,
                Status = status?.Value ?? ResourceStatus.Current,
                Nicknames = Values(nicknames),
                Concepts = Values(concepts),
                Prerequisites = Values(prerequisites),
                Next = Values(next),
                Related = Values(related),
                Companion = Values(companion),
                Sections = sections.Sections,
                RecommendedBy = Values(recommendedBy),
            };
        }

        return new ResourceDraft(mapping.Location, id, resource)
        {
            Title = title,
            Authors = authors is null ? [] : Values(authors),
            Level = level,
            MaxLevel = maxLevel,
            Topics = topics ?? [],
            SectionTopics = sections.Topics,
            Nicknames = nicknames,
            Prerequisites = prerequisites,
            Next = next,
            Related = related,
            Companion = companion,
            Supersedes = supersedes,
            RecommendedBy = recommendedBy,
        };
    }

    private static void CheckConcepts(IReadOnlyList<Located<string>> concepts, CatalogLoadOptions options, ProblemLog problems)
    {
        if (concepts.Count > options.MaximumConcepts)
        {
            problems.Report(concepts[options.MaximumConcepts].Location, $"\"concepts\" lists {concepts.Count} phrases; keep it to at most {options.MaximumConcepts}");
        }

        foreach (var concept in concepts.Where(c => c.Value.Length > options.MaximumConceptLength))
        {
            problems.Report(concept.Location, $"the concept \"{concept.Value[..20]}…\" is {concept.Value.Length} characters long; a concept is a short phrase of at most {options.MaximumConceptLength}");
        }

        ValueRules.CheckUniqueItems(concepts, "concepts", problems, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads "level": one level, or a range "easier-harder" such as beginner-intermediate.</summary>
    private static (Located<Level>? Entry, Located<Level>? Max) ReadLevel(FieldReader fields, ProblemLog problems)
    {
        if (fields.RequiredText("level") is not { } text)
        {
            return (null, null);
        }

        var parts = text.Value.Split('-');
        var levels = parts.Select(ParseLevel).ToArray();
        if (levels.All(l => l is not null) && levels.Length is 1 or 2)
        {
            var entry = levels[0]!.Value;
            var max = levels[^1]!.Value;
            if (entry < max || levels.Length == 1)
            {
                return (new Located<Level>(entry, text.Location), new Located<Level>(max, text.Location));
            }

            var hint = entry == max
                ? $"a range needs two different levels; write \"{LevelName(entry)}\" for a single level"
                : $"write the easier level first: \"{LevelName(max)}-{LevelName(entry)}\"";
            problems.Report(text.Location, $"\"level\" is \"{text.Value}\": {hint}");
            return (null, null);
        }

        problems.Report(text.Location, $"\"level\" is \"{text.Value}\", which is not accepted; use one of: {_acceptedLevels}");
        return (null, null);
    }

    private static Level? ParseLevel(string name) =>
        Enum.GetValues<Level>().Select(l => (Level?)l).FirstOrDefault(l => LevelName(l!.Value) == name);

    private static string LevelName(Level level) => FieldReader.EnumName(level);

    /// <summary>Reads at most one of the length fields (pages, minutes, weeks), each a positive whole number.</summary>
    private static ResourceLength? ReadLength(FieldReader fields, IReadOnlyList<string> lengthFields, ProblemLog problems)
    {
        var given = lengthFields.Where(fields.Has).ToArray();
        if (given.Length > 1)
        {
            problems.Report(
                fields.KeyLocation(given[1]),
                $"give at most one length; this entry has {string.Join(" and ", given.Select(f => $"\"{f}\""))} (pages for text, minutes for talks and videos, weeks for courses)");
            return null;
        }

        if (given.Length == 0 || fields.OptionalInteger(given[0], "30") is not { } amount)
        {
            return null;
        }

        if (amount.Value <= 0)
        {
            problems.Report(amount.Location, $"\"{given[0]}\" is {amount.Value}; a length must be a positive whole number such as 30");
            return null;
        }

        return new ResourceLength(amount.Value, Enum.Parse<LengthUnit>(given[0], ignoreCase: true));
    }

    private sealed record SectionsRead(IReadOnlyList<ResourceSection> Sections, IReadOnlyList<Located<string>> Topics, bool Complete);

    private static SectionsRead ReadSections(FieldReader fields, ProblemLog problems)
    {
        if (fields.OptionalMappingList("sections", "{ title: \"Ch. 5 Replication\", topics: [replication], pages: 40 }") is not { } mappings)
        {
            return new SectionsRead([], [], Complete: !fields.Has("sections"));
        }

        var sections = new List<ResourceSection>(mappings.Count);
        var allTopics = new List<Located<string>>();
        foreach (var mapping in mappings)
        {
            var section = FieldReader.Open(mapping, "a section", _sectionFields, problems);
            var title = section.RequiredText("title");
            var topics = section.RequiredTextList("topics", "replication");
            var url = section.OptionalText("url");
            var length = ReadLength(section, _sectionLengthFields, problems);
            if (url is not null)
            {
                ValueRules.CheckUrl(url, problems);
            }

            ValueRules.CheckUniqueItems(topics ?? [], "topics", problems);
            allTopics.AddRange(topics ?? []);
            if (title is not null && topics is not null)
            {
                sections.Add(new ResourceSection(title.Value, Values(topics), url?.Value, length));
            }
        }

        return new SectionsRead(sections, allTopics, Complete: sections.Count == mappings.Count);
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
