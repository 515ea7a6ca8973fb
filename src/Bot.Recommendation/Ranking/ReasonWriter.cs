using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// Writes the line that tells a reader why an item was picked: what the item is, then the signals that actually
/// raised it in the model (its feature contributions, by family, strongest first), in words.
/// </summary>
public sealed partial class ReasonWriter
{
    private const int PhrasesPerReason = 3;

    // Signals most items on a page share ("readable at your level", "free to read"): they come after the ones that
    // tell this item apart, so five reasons in a row do not open alike.
    // The judged neighbours' phrase is the same for every item they raise, so it waits behind the item's own too.
    private static readonly HashSet<FeatureFamily> GenericFamilies = [FeatureFamily.Level, FeatureFamily.Access, FeatureFamily.Topic, FeatureFamily.TopicFit, FeatureFamily.Neighbours, FeatureFamily.Meaning];
    private readonly CatalogIndex _index;

    public ReasonWriter(CatalogIndex index) => _index = index;

    /// <summary>
    /// One reason per item, in order; no two alike (later items add detail until they differ), and none opening as an
    /// earlier one does while it has another phrase to open with ("a common pick for consensus" three times over says
    /// nothing about the second and third).
    /// </summary>
    public IReadOnlyList<string> WriteDistinct(IReadOnlyList<(Resource Resource, double[] Contributions)> items, RecommendationQuery query)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var openings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reasons = new List<string>(items.Count);
        foreach (var (resource, contributions) in items)
        {
            var phrases = Phrases(resource, contributions, query);
            if (phrases.FindIndex(p => !openings.Contains(p)) is > 0 and var fresh)
            {
                var opening = phrases[fresh];
                phrases.RemoveAt(fresh);
                phrases.Insert(0, opening);
            }

            if (phrases.Count > 0)
            {
                openings.Add(phrases[0]);
            }

            var take = Math.Min(PhrasesPerReason, phrases.Count);
            var reason = Join(phrases, take);
            while (used.Contains(reason) && take < phrases.Count)
            {
                reason = Join(phrases, ++take);
            }

            if (used.Contains(reason))
            {
                reason += $"; {Byline(resource)}";
            }

            used.Add(reason);
            reasons.Add(reason);
        }

        return reasons;
    }

    // The model may credit "not named" too; the phrase is for an item whose name the request holds.
    private static bool IsNamed(Resource resource, RecommendationQuery query)
    {
        var subject = $" {TextAnalyzer.Normalize(query.SubjectText)} ";
        return CatalogIndex.NamesOf(resource).Select(TextAnalyzer.Normalize).Any(name => name.Length > 0 && subject.Contains($" {name} ", StringComparison.Ordinal));
    }

    /// <summary>"Readable beginner book", "Advanced paper (SOSP 2007)".</summary>
    public static string Describe(Resource resource)
    {
        var level = LevelVocabulary.Name(resource.Level);
        var kind = KindVocabulary.Name(resource.Kind);
        var text = resource.Level == Level.Beginner ? $"Readable {level} {kind}" : $"{char.ToUpperInvariant(level[0])}{level[1..]} {kind}";
        var year = resource.Year?.ToString(CultureInfo.InvariantCulture);
        // A venue often carries its year already ("FAST 2016"): the year is not said twice.
        var venueYear = string.Join(' ', new[] { resource.Venue, year is not null && resource.Venue?.Contains(year, StringComparison.Ordinal) == true ? null : year }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return resource.Kind == ResourceKind.Paper && venueYear.Length > 0 ? $"{text} ({venueYear})" : text;
    }

    private static string Join(IReadOnlyList<string> phrases, int take)
    {
        var text = string.Join("; ", phrases.Take(take));
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>The item's description first, then one phrase per feature family that raised it, strongest first.</summary>
    private List<string> Phrases(Resource resource, double[] contributions, RecommendationQuery query)
    {
        // The card already shows level and kind, so the reason leads with why this item, not what it is.
        var phrases = new List<string>();

        // Where the catalog puts the item on an asked topic's path says most about why it is here.
        if (EssentialPhrase(resource, query) is { } essential)
        {
            phrases.Add(essential);
        }

        var families = RankingFeatures.All
            .GroupBy(f => f.Family)
            .Select(g => (Family: g.Key, Contribution: g.Sum(f => contributions[f.Index])))
            .Where(p => p.Contribution > 0)
            .OrderBy(p => GenericFamilies.Contains(p.Family))
            .ThenByDescending(p => p.Contribution)
            .ThenBy(p => p.Family);
        foreach (var (family, _) in families)
        {
            if (Phrase(family, resource, query) is { Length: > 0 } phrase && !phrases.Contains(phrase))
            {
                phrases.Add(phrase);
            }
        }

        // What the item is, from the catalog, when the model's reasons run out.
        var topicIds = query.TopicIds.Where(resource.Topics.Contains).ToList();
        var topicNames = (topicIds.Count > 0 ? topicIds : [resource.PrimaryTopic]).Select(t => _index.TopicName(t).ToLowerInvariant()).ToList();
        var described = Describe(resource);
        var description = $"{char.ToLowerInvariant(described[0])}{described[1..]} on {JoinWords(topicNames)}";
        foreach (var extra in new[] { Phrase(FeatureFamily.Sources, resource, query), Phrase(FeatureFamily.Access, resource, query), description, Byline(resource) })
        {
            if (extra is { Length: > 0 } && !phrases.Contains(extra))
            {
                phrases.Add(extra);
            }
        }

        return phrases;
    }

    private string? Phrase(FeatureFamily family, Resource resource, RecommendationQuery query) => family switch
    {
        FeatureFamily.Essential => EssentialPhrase(resource, query),
        FeatureFamily.Named when IsNamed(resource, query) => "the one you named",
        FeatureFamily.Level => LevelPhrase(resource, query.Level),
        FeatureFamily.Sources or FeatureFamily.Canon => SourcesPhrase(resource),
        FeatureFamily.TopicFit => $"mainly about {_index.TopicName(resource.PrimaryTopic).ToLowerInvariant()}",
        FeatureFamily.Access when resource.Free => resource.Kind switch
        {
            ResourceKind.Tool => "free to use",
            ResourceKind.Talk or ResourceKind.Video => "free to watch",
            ResourceKind.Course => "free online",
            _ => "free to read",
        },
        FeatureFamily.Kind when query.Kinds.Contains(resource.Kind) => $"a {KindVocabulary.Name(resource.Kind)}, as asked",
        FeatureFamily.Kind => KindPhrase(resource, query.Level),
        FeatureFamily.Year when resource.Year is { } year => year < 2000 ? $"a classic from {year}" : year >= 2018 ? $"recent ({year})" : null,
        FeatureFamily.Topic when query.TopicIds.Contains(resource.PrimaryTopic) => $"mainly about {_index.TopicName(resource.PrimaryTopic).ToLowerInvariant()}",
        FeatureFamily.Text or FeatureFamily.Coverage => TextPhrase(resource, query),
        FeatureFamily.Structure => StructurePhrase(resource),
        FeatureFamily.Judged => JudgedPhrase(resource, query),
        FeatureFamily.Neighbours => "what teachers hand out for asks like yours",
        FeatureFamily.Meaning => MeaningPhrase(query),
        _ => null,
    };

    private string? EssentialPhrase(Resource resource, RecommendationQuery query)
    {
        foreach (var topicId in query.TopicIds)
        {
            var path = _index.Catalog.FindTopic(topicId)?.Path ?? [];
            for (var step = 0; step < path.Count; step++)
            {
                if (path[step].ResourceId == resource.Id)
                {
                    var topic = _index.TopicName(topicId).ToLowerInvariant();
                    var deepEnd = path[step].Why.StartsWith(DeepEndLead, StringComparison.OrdinalIgnoreCase);
                    var why = ShortWhy(path[step].Why);
                    var head = step == 0 ? $"where to start on {topic}" : deepEnd ? $"the deep end of {topic}" : $"essential for {topic}";
                    return why.Length > 0 ? $"{head}: {why}" : head;
                }
            }
        }

        return null;
    }

    /// <summary>A path step's note without its "Start here:" lead or its credits in parentheses.</summary>
    private const string StartLead = "Start here:";
    private const string DeepEndLead = "The deep end:";

    private static string ShortWhy(string why)
    {
        var text = Credits().Replace(why, string.Empty).Trim();
        foreach (var lead in new[] { StartLead, DeepEndLead })
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                text = text[lead.Length..].Trim();
            }
        }

        text = text.TrimEnd('.');
        return text.Length > 1 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string? LevelPhrase(Resource resource, Level? asked)
    {
        if (asked is not { } level)
        {
            return null;
        }

        if (resource.Suits(level))
        {
            return level == Level.Beginner ? "readable at your level" : $"pitched at {LevelVocabulary.Name(level)} readers";
        }

        return resource.Level > level ? $"a step up from {LevelVocabulary.Name(level)}" : "an easier start or refresher";
    }

    private static string? KindPhrase(Resource resource, Level? asked) => (asked, resource.Kind) switch
    {
        (Level.Advanced, ResourceKind.Paper) => "the original research",
        (Level.Beginner, ResourceKind.Book or ResourceKind.Course or ResourceKind.Talk or ResourceKind.Video or ResourceKind.Blog or ResourceKind.Article) => $"a gentle {KindVocabulary.Name(resource.Kind)} rather than a paper",
        _ => null,
    };

    private string? SourcesPhrase(Resource resource)
    {
        var sources = resource.RecommendedBy.Select(id => _index.Catalog.FindSource(id)).OfType<Source>().ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        if (sources.Count <= 2)
        {
            return "recommended by " + JoinWords(sources.Select(s => s.Name).ToList());
        }

        var expert = sources.FirstOrDefault(s => s.Kind == SourceKind.Expert);
        return expert is null
            ? $"recommended by {sources.Count} lists"
            : $"recommended by {sources.Count} lists, including {expert.Name}";
    }

    private string? TextPhrase(Resource resource, RecommendationQuery query)
    {
        var itemWords = TextAnalyzer.Tokens(string.Join(' ', resource.Title, resource.AboutText, string.Join(' ', resource.Nicknames))).ToHashSet(StringComparer.Ordinal);
        var shared = OwnWords(query).Where(itemWords.Contains).Take(3).ToList();
        return shared.Count > 0 ? $"speaks to \"{string.Join(' ', shared)}\"" : null;
    }

    // Raised by meaning: when the reader described what they want in words of their own, the item is about that,
    // whichever words it uses; a bare topic says nothing the topic phrase does not.
    private string? MeaningPhrase(RecommendationQuery query) => OwnWords(query).Take(2).Count() == 2 ? "about what you describe" : null;

    /// <summary>The request's own words: neither grammar words nor the names of the topics it asks.</summary>
    private IEnumerable<string> OwnWords(RecommendationQuery query)
    {
        var topicWords = query.TopicIds.SelectMany(t => TextAnalyzer.Tokens(_index.TopicName(t))).ToHashSet(StringComparer.Ordinal);
        return TextAnalyzer.Tokens(query.SubjectText).Where(w => w.Length > 2 && !TextAnalyzer.IsStopWord(w) && !topicWords.Contains(w)).Distinct();
    }

    // The judged priors raised it: what teachers hand out on the asked topic it belongs to.
    private string? JudgedPhrase(Resource resource, RecommendationQuery query) =>
        query.TopicIds.FirstOrDefault(resource.Topics.Contains) is { } topic
            ? $"a common pick for {_index.TopicName(topic).ToLowerInvariant()}"
            : null;

    private string? StructurePhrase(Resource resource)
    {
        var buildOn = _index.RequiredByCount(_index.PositionOf(resource.Id));
        if (buildOn > 0)
        {
            return buildOn == 1 ? "groundwork for another item here" : $"groundwork for {buildOn} other items here";
        }

        return resource.Companion.Count > 0 ? "comes with a companion talk or explainer" : null;
    }

    private static string Byline(Resource resource)
    {
        var author = CatalogIndex.NamedAuthors(resource).FirstOrDefault();
        var year = resource.Year?.ToString(CultureInfo.InvariantCulture);
        return (author, year) switch
        {
            (not null, not null) => $"by {author}, {year}",
            (not null, null) => $"by {author}",
            (null, not null) => $"from {year}",
            _ => $"\"{resource.Title}\"",
        };
    }

    private static string JoinWords(IReadOnlyList<string> words) => words.Count switch
    {
        0 => string.Empty,
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
    };

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Credits();
}
