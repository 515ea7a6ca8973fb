using Bot.Catalog;

namespace Bot.Application.Readers;

/// <summary>One step of a learning path: the item, why it is there, and whether it is above the asked level.</summary>
public sealed record LearningStep(Resource Resource, string Why, bool AboveLevel);

/// <summary>
/// Builds a topic's learning path (pure: catalog only). The steps are the topic's curated path (its essentials) plus
/// the direct prerequisites of those steps that are on the topic. Every item comes after its prerequisites; among the
/// items free to go next, those within the asked level come first, then the curated order. A topic without a curated
/// path uses its items, easiest first.
/// </summary>
public static class LearningPath
{
    /// <summary>Used when a topic has no curated path: this many of its items.</summary>
    public const int FallbackLength = 6;

    public static IReadOnlyList<LearningStep> Build(ReadingCatalog catalog, Topic topic, Level? level)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(topic);
        var entries = new Dictionary<string, (Resource Resource, double Position, string Why)>(StringComparer.Ordinal);
        var steps = topic.Path.Count > 0
            ? topic.Path.Select(s => (Resource: catalog.FindResource(s.ResourceId), s.Why)).Where(s => s.Resource is not null).Select(s => (s.Resource!, (string?)s.Why)).ToList()
            : catalog.Resources
                .Where(r => r.Topics.Contains(topic.Id))
                .OrderBy(r => r.Topics[0] == topic.Id ? 0 : 1)
                .ThenBy(r => r.Level)
                .ThenByDescending(r => r.RecommendedBy.Count)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(FallbackLength)
                .Select(r => (r, (string?)null))
                .ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var (resource, why) = steps[i];
            entries.TryAdd(resource.Id, (resource, i, ReaderText.PathStepWhy(why, null, false)));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var (resource, _) = steps[i];
            foreach (var prerequisite in resource.Prerequisites.Select(catalog.FindResource).OfType<Resource>())
            {
                if (prerequisite.Topics.Contains(topic.Id))
                {
                    entries.TryAdd(prerequisite.Id, (prerequisite, i - 0.5, ReaderText.PathStepWhy(null, resource.Title, false)));
                }
            }
        }

        bool Above(Resource r) => level is { } asked && r.Level > asked;

        // Kahn's algorithm over the prerequisite links inside the path; ties: within level first, then curated order.
        var waitingOn = entries.Values.ToDictionary(
            e => e.Resource.Id,
            e => e.Resource.Prerequisites.Where(p => entries.ContainsKey(p) && p != e.Resource.Id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var ordered = new List<LearningStep>();
        while (waitingOn.Count > 0)
        {
            var ready = waitingOn.Where(w => w.Value.Count == 0).Select(w => entries[w.Key]).ToList();
            if (ready.Count == 0)
            {
                ready = waitingOn.Keys.Select(k => entries[k]).ToList(); // a cycle: fall back to the curated order
            }

            var next = ready.OrderBy(e => Above(e.Resource) ? 1 : 0).ThenBy(e => e.Position).First();
            waitingOn.Remove(next.Resource.Id);
            foreach (var others in waitingOn.Values)
            {
                others.Remove(next.Resource.Id);
            }

            var above = Above(next.Resource);
            ordered.Add(new LearningStep(next.Resource, above ? ReaderText.PathStepWhy(next.Why, null, true) : next.Why, above));
        }

        return ordered;
    }
}
