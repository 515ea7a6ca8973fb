namespace Bot.Catalog;

/// <summary>The validated, immutable catalog: resources, topic taxonomy and recommending sources.</summary>
public sealed class ReadingCatalog
{
    private readonly Dictionary<string, Resource> _resourcesById;
    private readonly Dictionary<string, Topic> _topicsById;
    private readonly Dictionary<string, Source> _sourcesById;
    private readonly Dictionary<string, IReadOnlyList<Resource>> _essentialsByTopic;
    private readonly HashSet<(string ResourceId, string TopicId)> _essentialPairs;

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
        _essentialsByTopic = topics.ToDictionary(
            t => t.Id,
            t => (IReadOnlyList<Resource>)t.Path.Select(step => FindResource(step.ResourceId)).OfType<Resource>().ToArray(),
            StringComparer.Ordinal);
        _essentialPairs = topics.SelectMany(t => t.Path.Select(step => (step.ResourceId, t.Id))).ToHashSet();
    }

    public IReadOnlyList<Resource> Resources { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<TopicConfusion> Confusions { get; }

    public Resource? FindResource(string id) => _resourcesById.GetValueOrDefault(id);
    public Topic? FindTopic(string id) => _topicsById.GetValueOrDefault(id);
    public Source? FindSource(string id) => _sourcesById.GetValueOrDefault(id);

    /// <summary>True when the resource is a step of the topic's path.</summary>
    public bool IsEssential(string resourceId, string topicId) => _essentialPairs.Contains((resourceId, topicId));

    /// <summary>The topic's essentials in path order; empty for an unknown topic or one without a path.</summary>
    public IReadOnlyList<Resource> EssentialsOf(string topicId) => _essentialsByTopic.GetValueOrDefault(topicId) ?? [];

    /// <summary>Ids of the topics whose path includes the resource, in taxonomy order.</summary>
    public IReadOnlyList<string> TopicsWhereEssential(string resourceId) =>
        Topics.Where(t => _essentialPairs.Contains((resourceId, t.Id))).Select(t => t.Id).ToArray();
}
