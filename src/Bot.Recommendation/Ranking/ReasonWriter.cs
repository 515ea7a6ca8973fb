using Bot.Catalog;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Ranking;

/// <summary>Writes the one line that tells a reader why an item was picked for them.</summary>
public sealed class ReasonWriter
{
    private readonly CatalogIndex _index;

    public ReasonWriter(CatalogIndex index) => _index = index;

    public string Write(Resource resource, RecommendationQuery query)
    {
        var parts = new List<string>();
        var matchedTopics = resource.Topics.Where(query.TopicIds.Contains).ToList();
        var topics = (matchedTopics.Count > 0 ? matchedTopics : [resource.PrimaryTopic])
            .Select(t => _index.TopicName(t).ToLowerInvariant());
        parts.Add($"{Describe(resource)} on {JoinWords(topics.ToList())}");

        if (query.Level is { } asked && asked != resource.Level)
        {
            parts.Add(resource.Level > asked
                ? $"a step up from {LevelVocabulary.Name(asked)}"
                : "an easier start or refresher");
        }

        if (resource.Free)
        {
            parts.Add(resource.Kind switch
            {
                ResourceKind.Tool => "free to use",
                ResourceKind.Talk or ResourceKind.Video => "free to watch",
                ResourceKind.Course => "free online",
                _ => "free to read",
            });
        }

        var sources = resource.RecommendedBy
            .Select(id => _index.Catalog.FindSource(id)?.Name)
            .OfType<string>()
            .Take(2)
            .ToList();
        if (sources.Count > 0)
        {
            parts.Add("recommended by " + JoinWords(sources));
        }

        return string.Join("; ", parts);
    }

    /// <summary>"Readable beginner book", "Advanced paper (SOSP 2007)".</summary>
    public static string Describe(Resource resource)
    {
        var level = LevelVocabulary.Name(resource.Level);
        var kind = KindVocabulary.Name(resource.Kind);
        var text = resource.Level == Level.Beginner ? $"Readable {level} {kind}" : $"{char.ToUpperInvariant(level[0])}{level[1..]} {kind}";
        var venueYear = string.Join(' ', new[] { resource.Venue, resource.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return resource.Kind == ResourceKind.Paper && venueYear.Length > 0 ? $"{text} ({venueYear})" : text;
    }

    private static string JoinWords(IReadOnlyList<string> words) => words.Count switch
    {
        0 => string.Empty,
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
    };
}
