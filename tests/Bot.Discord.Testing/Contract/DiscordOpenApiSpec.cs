using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Bot.Discord.Testing;

/// <summary>
/// Discord's OpenAPI spec (vendored in <c>Contract/discord-api-spec</c>, embedded in this assembly) turned into one
/// JSON Schema 2020-12 document: every component schema and every operation's JSON request body under <c>$defs</c>.
/// Built once per test process; the per-operation entry schemas are built on first use.
/// </summary>
/// <remarks>
/// Two changes make the spec as strict as Discord's docs. An object schema that lists its properties and says
/// nothing about others gets <c>additionalProperties: false</c>, because Discord rejects unknown keys although the
/// spec never says so. A <c>oneOf</c>/<c>anyOf</c> whose branches each fix an integer <c>type</c> becomes
/// <c>if type is …, then that branch</c>, so a failure is reported against the branch the body chose, not all of them.
/// </remarks>
internal sealed class DiscordOpenApiSpec
{
    private const string ResourceName = "Bot.Discord.Testing.Contract.openapi.json";
    private const string ComponentRefPrefix = "#/components/schemas/";
    private const string DefsRefPrefix = "#/$defs/";
    private static readonly Uri DocumentUri = new("https://discord-contract.test/openapi.json");
    private static readonly Lazy<DiscordOpenApiSpec> Shared = new(Load);

    private readonly BuildOptions _buildOptions;
    private readonly IReadOnlyList<(string Method, string[] Segments, string OperationId)> _routes;
    private readonly HashSet<string> _operationsWithJsonBody;
    private readonly Dictionary<string, JsonSchema> _entrySchemas = new(StringComparer.Ordinal);
    private readonly Lock _entryGate = new();

    private DiscordOpenApiSpec(
        BuildOptions buildOptions,
        IReadOnlyList<(string Method, string[] Segments, string OperationId)> routes,
        HashSet<string> operationsWithJsonBody)
    {
        _buildOptions = buildOptions;
        _routes = routes;
        _operationsWithJsonBody = operationsWithJsonBody;
    }

    public static DiscordOpenApiSpec Instance => Shared.Value;

    public bool IsOperation(string operationId) => _routes.Any(r => r.OperationId == operationId);

    public bool HasJsonBody(string operationId) => _operationsWithJsonBody.Contains(operationId);

    /// <summary>The operation whose path template matches; literal segments beat parameters (<c>@original</c>).</summary>
    public string? MatchOperation(string method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var parts = (query < 0 ? path : path[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["api", ['v', ..], ..])
        {
            parts = parts[2..];
        }

        string? best = null;
        var bestLiterals = -1;
        foreach (var (routeMethod, segments, operationId) in _routes)
        {
            if (!string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) || segments.Length != parts.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                if (segments[i].StartsWith('{'))
                {
                    continue;
                }

                matches = segments[i] == parts[i];
                literals++;
            }

            if (matches && literals > bestLiterals)
            {
                (best, bestLiterals) = (operationId, literals);
            }
        }

        return best;
    }

    /// <summary>Every place where <paramref name="body"/> breaks the operation's request schema.</summary>
    public IReadOnlyList<SchemaFailure> Check(string operationId, JsonElement body)
    {
        var results = EntrySchema(operationId).Evaluate(body, new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
        });
        return SchemaFailure.From(results);
    }

    private JsonSchema EntrySchema(string operationId)
    {
        lock (_entryGate)
        {
            if (!_entrySchemas.TryGetValue(operationId, out var schema))
            {
                var entry = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$ref"] = $"{DocumentUri}{DefsRefPrefix}{RequestBodyKey(operationId)}",
                };
                schema = JsonSchema.Build(JsonSerializer.SerializeToElement(entry), _buildOptions);
                _entrySchemas.Add(operationId, schema);
            }

            return schema;
        }
    }

    private static string RequestBodyKey(string operationId) => operationId + ".request";

    private static DiscordOpenApiSpec Load()
    {
        using var stream = typeof(DiscordOpenApiSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var spec = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException("openapi.json is empty.");

        var components = spec["components"]!["schemas"]!.AsObject();
        var defs = new JsonObject();
        foreach (var (name, schema) in components)
        {
            defs[name] = schema!.DeepClone();
        }

        foreach (var (_, schema) in defs)
        {
            Strictify(schema, components);
        }

        var routes = new List<(string, string[], string)>();
        var withBody = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || op["operationId"]?.GetValue<string>() is not { } operationId)
                {
                    continue;
                }

                routes.Add((method.ToUpperInvariant(), path.Split('/', StringSplitOptions.RemoveEmptyEntries), operationId));
                if (op["requestBody"]?["content"]?["application/json"]?["schema"] is { } body)
                {
                    var copy = body.DeepClone();
                    Strictify(copy, components);
                    defs[RequestBodyKey(operationId)] = copy;
                    withBody.Add(operationId);
                }
            }
        }

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DocumentUri.ToString(),
            ["$defs"] = defs,
        };
        var buildOptions = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.Build(JsonSerializer.SerializeToElement(document), buildOptions, DocumentUri);
        return new DiscordOpenApiSpec(buildOptions, routes, withBody);
    }

    private static void Strictify(JsonNode? node, JsonObject components)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Strictify(item, components);
                }

                break;
            case JsonObject schema:
                var discriminated = Discriminate(schema, components);
                foreach (var (key, value) in schema.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(ComponentRefPrefix, StringComparison.Ordinal))
                    {
                        schema["$ref"] = DefsRefPrefix + reference[ComponentRefPrefix.Length..];
                    }
                    else
                    {
                        Strictify(value, components);
                    }
                }

                if (!discriminated && IsObjectType(schema["type"]) && schema["properties"] is JsonObject
                    && !schema.ContainsKey("additionalProperties"))
                {
                    schema["additionalProperties"] = false;
                }

                break;
        }
    }

    private static bool IsObjectType(JsonNode? type) => type switch
    {
        JsonValue v => v.TryGetValue<string>(out var s) && s == "object",
        JsonArray a => a.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == "object"),
        _ => false,
    };

    /// <summary>Rewrites a union of <c>$ref</c>s that each fix an integer <c>type</c> into if/then on <c>type</c>.</summary>
    private static bool Discriminate(JsonObject schema, JsonObject components)
    {
        var discriminated = false;
        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema[keyword] is not JsonArray { Count: > 0 } branches || !branches.All(b => b is JsonObject o && o.ContainsKey("$ref")))
            {
                continue;
            }

            var enums = branches.Select(b => TypeEnum(b!, components)).ToList();
            if (enums.Any(e => e is null))
            {
                continue;
            }

            var all = enums.SelectMany(e => e!).ToList();
            if (all.Distinct().Count() != all.Count)
            {
                continue;
            }

            schema.Remove(keyword);
            schema["type"] ??= "object";
            var required = (schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Append("type").Distinct().Order(StringComparer.Ordinal);
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
            var properties = schema["properties"] as JsonObject ?? [];
            properties["type"] = new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray([.. all.Order().Select(v => (JsonNode)v)]) };
            schema["properties"] = properties;
            var allOf = schema["allOf"] as JsonArray ?? [];
            for (var i = 0; i < branches.Count; i++)
            {
                allOf.Add(new JsonObject
                {
                    ["if"] = new JsonObject
                    {
                        ["properties"] = new JsonObject { ["type"] = new JsonObject { ["enum"] = new JsonArray([.. enums[i]!.Select(v => (JsonNode)v)]) } },
                        ["required"] = new JsonArray("type"),
                    },
                    ["then"] = branches[i]!.DeepClone(),
                });
            }

            schema["allOf"] = allOf;
            discriminated = true;
        }

        return discriminated;
    }

    private static List<long>? TypeEnum(JsonNode branch, JsonObject components)
    {
        var target = branch;
        while (target is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference)
        {
            target = components[reference[(reference.LastIndexOf('/') + 1)..]];
        }

        if (target?["properties"]?["type"] is not JsonObject type)
        {
            return null;
        }

        var values = type["enum"] is JsonArray e ? e.ToList() : type["const"] is { } c ? [c] : null;
        if (values is null)
        {
            return null;
        }

        var numbers = new List<long>();
        foreach (var value in values)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<long>(out var n))
            {
                return null;
            }

            numbers.Add(n);
        }

        return numbers;
    }
}
