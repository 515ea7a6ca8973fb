using Json.Schema;

namespace Bot.Discord.Testing;

/// <summary>One reason a body fails its schema: where in the body (JSON pointer), which keyword, and what is wrong.</summary>
internal sealed record SchemaFailure(string Pointer, string Keyword, string Message)
{
    /// <summary>
    /// The leaves of a hierarchical evaluation. For a failed <c>oneOf</c>/<c>anyOf</c> only the branch that came
    /// closest is followed, so the message names the field that is wrong rather than listing every alternative.
    /// </summary>
    public static IReadOnlyList<SchemaFailure> From(EvaluationResults results)
    {
        var failures = new List<SchemaFailure>();
        Collect(results, failures);
        return failures.Distinct().ToList();
    }

    private static void Collect(EvaluationResults node, List<SchemaFailure> failures)
    {
        if (node.IsValid)
        {
            return;
        }

        var before = failures.Count;
        var path = node.EvaluationPath.ToString();
        var followedUnion = false;
        var children = node.Details ?? [];
        foreach (var union in children.GroupBy(c => UnionKeyword(path, c)))
        {
            if (union.Key is null)
            {
                foreach (var child in union.Where(c => !IsConditional(path, c)))
                {
                    Collect(child, failures);
                }
            }
            else if (union.All(branch => !branch.IsValid))
            {
                var closest = union
                    .Select(branch => (Branch: branch, Failures: From(branch)))
                    .OrderBy(b => b.Failures.All(f => f.Keyword == "type" && f.Pointer == LocationOf(node)))
                    .ThenBy(b => b.Failures.Count)
                    .First();
                failures.AddRange(closest.Failures);
                followedUnion = true;
            }
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            if (followedUnion && keyword is "oneOf" or "anyOf")
            {
                continue;
            }

            failures.Add(path.EndsWith("/additionalProperties", StringComparison.Ordinal)
                ? new SchemaFailure(LocationOf(node), "additionalProperties", $"'{LastSegment(LocationOf(node))}' is not a property Discord accepts here")
                : new SchemaFailure(LocationOf(node), keyword, message));
        }

        if (failures.Count == before)
        {
            failures.Add(new SchemaFailure(LocationOf(node), "", $"does not match the schema at {path}"));
        }
    }

    private static string LocationOf(EvaluationResults node) => node.InstanceLocation.ToString();

    /// <summary><c>oneOf</c> or <c>anyOf</c> when <paramref name="child"/> is one of the node's union branches.</summary>
    private static string? UnionKeyword(string parentPath, EvaluationResults child)
    {
        var rest = Relative(parentPath, child);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var keyword = slash < 0 ? rest : rest[..slash];
        return keyword is "oneOf" or "anyOf" ? keyword : null;
    }

    /// <summary>A failing <c>if</c> or <c>not</c> subschema is not itself an error; its parent reports any.</summary>
    private static bool IsConditional(string parentPath, EvaluationResults child) =>
        Relative(parentPath, child) is "if" or "not" or "contains";

    private static string Relative(string parentPath, EvaluationResults child)
    {
        var childPath = child.EvaluationPath.ToString();
        return childPath.Length > parentPath.Length ? childPath[(parentPath.Length + 1)..] : "";
    }

    private static string LastSegment(string pointer) =>
        pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
