using System.Text.Json;

namespace Bot.Discord.Testing;

/// <summary>One contract failure: which body (index into the checked list), where in it (JSON pointer), and why.</summary>
public sealed record OpenApiViolation(int Index, string Operation, string Pointer, string Message)
{
    public override string ToString() => $"#{Index} {Operation} {(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
}

/// <summary>A request body to check, identified by operationId or by method + path.</summary>
public sealed record OpenApiBody(string? OperationId, string? Method, string? Path, string Body)
{
    public static OpenApiBody ForOperation(string operationId, string body) => new(operationId, null, null, body);

    public static OpenApiBody ForRequest(string method, string path, string body) => new(null, method, path, body);
}

public sealed record OpenApiContractResult(int Checked, IReadOnlyList<OpenApiViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;

    public override string ToString() =>
        IsValid ? $"{Checked} bodies valid" : $"{Violations.Count} violation(s) in {Checked} bodies:\n" + string.Join("\n", Violations);
}

/// <summary>
/// Checks request bodies, in-process, against Discord's OpenAPI spec (vendored in this project, see
/// <c>Contract/discord-api-spec/SOURCE.md</c>) and then against the documented rules the spec lacks
/// (<see cref="DocumentedRules"/>).
/// </summary>
public static class OpenApiContract
{
    /// <summary>Checks every recorded request that carried a body.</summary>
    public static OpenApiContractResult Validate(IEnumerable<FakeRestRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Validate(requests
            .Where(r => !string.IsNullOrEmpty(r.Body))
            .Select(r => r.OperationId is not null
                ? OpenApiBody.ForOperation(r.OperationId, r.Body!)
                : OpenApiBody.ForRequest(r.Method, FakeRestServer.ApiPrefix + r.Path, r.Body!)));
    }

    public static OpenApiContractResult Validate(IEnumerable<OpenApiBody> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var spec = DiscordOpenApiSpec.Instance;
        var violations = new List<OpenApiViolation>();
        var index = -1;
        var checkedCount = 0;
        foreach (var body in bodies)
        {
            index++;
            var operation = body.OperationId ?? spec.MatchOperation(body.Method ?? "", body.Path ?? "");
            var label = operation ?? $"{body.Method} {body.Path}";
            if (operation is null || !spec.IsOperation(operation))
            {
                violations.Add(new(index, label, "", "no operation in the spec matches this request"));
                continue;
            }

            if (!spec.HasJsonBody(operation))
            {
                violations.Add(new(index, label, "", "the spec defines no JSON request body for this operation"));
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.Body);
            }
            catch (JsonException e)
            {
                violations.Add(new(index, label, "", $"not JSON: {e.Message}"));
                continue;
            }

            using (document)
            {
                checkedCount++;
                var schemaFailures = spec.Check(operation, document.RootElement);
                violations.AddRange(schemaFailures.Select(f => new OpenApiViolation(index, operation, f.Pointer, f.Message)));
                // The documented rules read the body as the bot's model, which only makes sense once it fits the spec.
                if (schemaFailures.Count == 0)
                {
                    violations.AddRange(DocumentedRules.Check(operation, document.RootElement)
                        .Select(r => new OpenApiViolation(index, operation, r.Pointer, r.Message)));
                }
            }
        }

        return new OpenApiContractResult(checkedCount, violations);
    }

    /// <inheritdoc cref="Validate(IEnumerable{FakeRestRequest})"/>
    public static Task<OpenApiContractResult> ValidateAsync(IEnumerable<FakeRestRequest> requests) =>
        Task.FromResult(Validate(requests));

    /// <inheritdoc cref="Validate(IEnumerable{OpenApiBody})"/>
    public static Task<OpenApiContractResult> ValidateAsync(IEnumerable<OpenApiBody> bodies) =>
        Task.FromResult(Validate(bodies));
}
