using System.Globalization;
using System.Text;

namespace Bot.Catalog;

/// <summary>
/// Backs <c>Bot catalog report</c>: per topic, its size, how its resources spread over levels and kinds, its path
/// (the essentials, in order, with why) and the share of resources a reader can open for free.
/// </summary>
public static class CatalogReport
{
    public static string Format(ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        var openShare = Share(catalog.Resources.Count(r => r.Free), catalog.Resources.Count);
        text.Append(CultureInfo.InvariantCulture, $"{catalog.Resources.Count} resources, {catalog.Topics.Count} topics, {catalog.Sources.Count} sources; open access {openShare}\n");
        foreach (var topic in catalog.Topics)
        {
            text.Append('\n');
            AppendTopic(text, catalog, topic);
        }

        return text.ToString();
    }

    private static void AppendTopic(StringBuilder text, ReadingCatalog catalog, Topic topic)
    {
        var onTopic = catalog.Resources.Where(r => r.Topics.Contains(topic.Id, StringComparer.Ordinal)).ToArray();
        var primary = onTopic.Count(r => r.PrimaryTopic == topic.Id);
        text.Append(CultureInfo.InvariantCulture, $"{topic.Id} ({topic.Name}): {onTopic.Length} resources, {primary} with it as primary topic\n");

        var levels = Enum.GetValues<Level>().Select(l => $"{Name(l)} {onTopic.Count(r => r.Suits(l))}");
        text.Append(CultureInfo.InvariantCulture, $"  levels (suits): {string.Join(", ", levels)}\n");

        var kinds = onTopic.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => $"{Name(g.Key)} {g.Count()}");
        text.Append(CultureInfo.InvariantCulture, $"  kinds: {(onTopic.Length == 0 ? "none" : string.Join(", ", kinds))}\n");

        var open = onTopic.Count(r => r.Free);
        text.Append(CultureInfo.InvariantCulture, $"  open access: {open} of {onTopic.Length} ({Share(open, onTopic.Length)})\n");

        if (topic.Path.Count == 0)
        {
            text.Append("  path: none\n");
            text.Append("  essentials: none\n");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"  path ({topic.Path.Count} steps):\n");
        for (var i = 0; i < topic.Path.Count; i++)
        {
            var step = topic.Path[i];
            var resource = catalog.FindResource(step.ResourceId);
            var label = resource is null
                ? step.ResourceId
                : $"{resource.Title} [{step.ResourceId}; {LevelRange(resource)} {Name(resource.Kind)}{(resource.Free ? ", open" : string.Empty)}]";
            text.Append(CultureInfo.InvariantCulture, $"    {i + 1}. {label}\n       why: {step.Why}\n");
        }

        var essentials = catalog.EssentialsOf(topic.Id);
        text.Append(CultureInfo.InvariantCulture, $"  essentials: {string.Join(", ", essentials.Select(r => r.Id))}\n");
    }

    private static string LevelRange(Resource resource) =>
        resource.MaxLevel == resource.Level ? Name(resource.Level) : $"{Name(resource.Level)}-{Name(resource.MaxLevel)}";

    private static string Share(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * part / whole):0}%");

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Loading.FieldReader.EnumName(value);
}
