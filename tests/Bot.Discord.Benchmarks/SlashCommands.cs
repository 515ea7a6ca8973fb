using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Testing;

namespace Bot.Discord.Benchmarks;

/// <summary>A varied set of <c>/recommend</c> interactions, as INTERACTION_CREATE data.</summary>
internal static class SlashCommands
{
    /// <summary>What users type in the topic box: ids, aliases, paper names, misspellings and a few unknowns.</summary>
    private static readonly string[] Topics =
    [
        "consensus", "raft", "paxos", "replication", "clocks", "vector clocks", "crdts", "transactions", "two-phase commit",
        "storage", "lsm tree", "consistency", "linearizability", "byzantine", "gossip", "failure detection", "sharding",
        "stream processing", "mapreduce", "testing", "tla+", "observability", "leader election", "snapshot isolation",
        "cap theorem", "dynamo", "spanner", "consensus algorithms", "replicaton", "quantum gardening",
    ];

    private static readonly string[] Levels = ["beginner", "intermediate", "advanced"];

    private static readonly string[] Kinds = ["paper", "book", "talk", "course", "article", "blog"];

    public static RecommendOptions Options(int index)
    {
        var topic = Topics[index % Topics.Length];
        var level = Levels[((index / Topics.Length) + index) % Levels.Length];
        var kind = index % 5 == 0 ? Kinds[(index / 5) % Kinds.Length] : null;
        int? count = (index % 7) switch { 0 => 10, 3 => 3, _ => null };
        return new RecommendOptions(topic, level, kind, count);
    }

    /// <summary>The docs' example interaction with this id, a matching token and <c>/recommend</c> data.</summary>
    public static JsonObject Recommend(ulong id, RecommendOptions request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interaction = FakeGatewayFixtures.Interaction(id);
        var options = new JsonArray
        {
            Option("topic", 3, request.Topic),
            Option("level", 3, request.Level),
        };
        if (request.Kind is not null)
        {
            options.Add(Option("kind", 3, request.Kind));
        }

        if (request.Count is { } count)
        {
            options.Add(new JsonObject { ["type"] = 4, ["name"] = "count", ["value"] = count });
        }

        interaction["data"] = new JsonObject { ["type"] = 1, ["name"] = "recommend", ["id"] = "771825006014889984", ["options"] = options };
        return interaction;
    }

    /// <summary>A full gateway dispatch frame, ready to send.</summary>
    public static string Dispatch(string eventName, JsonNode data, long sequence) =>
        new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data }.ToJsonString();

    public static string Describe(RecommendOptions request) => string.Create(
        CultureInfo.InvariantCulture, $"/recommend {request.Topic} {request.Level}{(request.Kind is null ? "" : " kind:" + request.Kind)}{(request.Count is null ? "" : $" count:{request.Count}")}");

    private static JsonObject Option(string name, int type, string value) => new() { ["type"] = type, ["name"] = name, ["value"] = value };
}

internal sealed record RecommendOptions(string Topic, string Level, string? Kind, int? Count);
