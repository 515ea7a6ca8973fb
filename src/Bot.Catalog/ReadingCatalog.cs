namespace Bot.Catalog;

/// <summary>The validated, immutable catalog: resources, topic taxonomy and recommending sources.</summary>
public sealed class ReadingCatalog
{
    private readonly Dictionary<string, Resource> _resourcesById;
    private readonly Dictionary<string, Topic> _topicsById;
    private readonly Dictionary<string, Source> _sourcesById;

    public ReadingCatalog(
        IReadOnlyList<Resource> resources,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<Source> sources,
        IReadOnlyList<TopicConfusion> confusions)
    {
        Resources = resources;
        Topics = topics;
        Sources = sources;
        Confusions = confusions;
        _resourcesById = resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _topicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _sourcesById = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Resource> Resources { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<TopicConfusion> Confusions { get; }

    public Resource? FindResource(string id) => _resourcesById.GetValueOrDefault(id);
    public Topic? FindTopic(string id) => _topicsById.GetValueOrDefault(id);
    public Source? FindSource(string id) => _sourcesById.GetValueOrDefault(id);
}
