using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bot.Discord.Gateway;

/// <summary>
/// Which shards one process runs when the shards are split across processes: a list such as <c>0-3</c>,
/// <c>4,5</c> or <c>0-1,6</c>, or the slice of a StatefulSet pod (<c>ordinal × shardsPerPod</c> onwards).
/// </summary>
public static class ShardSelection
{
    /// <summary>Parses <paramref name="text"/> into sorted shard ids below <paramref name="shardCount"/>.</summary>
    public static bool TryParse(
        string? text,
        int shardCount,
        [NotNullWhen(true)] out IReadOnlyList<int>? shardIds,
        [NotNullWhen(false)] out string? problem)
    {
        shardIds = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "it is empty; write shard ids such as 0-3 or 4,5";
            return false;
        }

        var ids = new SortedSet<int>();
        foreach (var rawPart in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (rawPart.Length == 0)
            {
                problem = $"'{text.Trim()}' has an empty entry; separate ids and ranges with single commas";
                return false;
            }

            var bounds = rawPart.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !TryId(bounds[0], out var first) || !TryId(bounds[^1], out var last))
            {
                problem = $"'{rawPart}' is neither a shard id (a whole number such as 4) nor a range (such as 0-3)";
                return false;
            }

            if (last < first)
            {
                problem = $"the range '{rawPart}' runs backwards; write the lower id first";
                return false;
            }

            if (last >= shardCount)
            {
                problem = string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{rawPart}' reaches shard {last}, but there are only {shardCount} shard(s), numbered 0 to {shardCount - 1}");
                return false;
            }

            for (var id = first; id <= last; id++)
            {
                if (!ids.Add(id))
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"shard {id} is listed twice");
                    return false;
                }
            }
        }

        shardIds = [.. ids];
        problem = null;
        return true;
    }

    /// <summary>
    /// The shards of pod <paramref name="ordinal"/> when every pod runs <paramref name="shardsPerPod"/> consecutive
    /// shards (the last pod may run fewer); <c>ceil(shardCount / shardsPerPod)</c> pods cover every shard.
    /// </summary>
    public static bool TryForPod(
        int ordinal,
        int shardsPerPod,
        int shardCount,
        [NotNullWhen(true)] out IReadOnlyList<int>? shardIds,
        [NotNullWhen(false)] out string? problem)
    {
        shardIds = null;
        if (shardsPerPod < 1 || shardCount < 1 || ordinal < 0)
        {
            problem = "the pod ordinal must be 0 or more and the shards per pod and shard count at least 1";
            return false;
        }

        var pods = PodsNeeded(shardsPerPod, shardCount);
        var first = (long)ordinal * shardsPerPod;
        if (first >= shardCount)
        {
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"pod {ordinal} would start at shard {first}, past the last shard ({shardCount - 1}); {shardCount} shard(s) at {shardsPerPod} per pod need exactly {pods} replica(s)");
            return false;
        }

        shardIds = Enumerable.Range((int)first, (int)Math.Min(shardsPerPod, shardCount - first)).ToArray();
        problem = null;
        return true;
    }

    /// <summary>How many pods run <paramref name="shardCount"/> shards at <paramref name="shardsPerPod"/> each.</summary>
    public static int PodsNeeded(int shardsPerPod, int shardCount) => (shardCount + shardsPerPod - 1) / shardsPerPod;

    /// <summary>The ordinal at the end of a StatefulSet pod name (<c>ds-reading-bot-gateway-3</c> is 3).</summary>
    public static bool TryParsePodOrdinal(string? podName, out int ordinal)
    {
        ordinal = 0;
        var dash = podName?.Trim().LastIndexOf('-') ?? -1;
        return dash >= 0 && TryId(podName!.Trim()[(dash + 1)..], out ordinal);
    }

    /// <summary>Compact text of sorted ids for logs: <c>0-3,6</c>.</summary>
    public static string Describe(IReadOnlyList<int> shardIds)
    {
        ArgumentNullException.ThrowIfNull(shardIds);
        var parts = new List<string>();
        for (var i = 0; i < shardIds.Count;)
        {
            var j = i;
            while (j + 1 < shardIds.Count && shardIds[j + 1] == shardIds[j] + 1)
            {
                j++;
            }

            parts.Add(j == i
                ? shardIds[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{shardIds[i]}-{shardIds[j]}"));
            i = j + 1;
        }

        return string.Join(",", parts);
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
