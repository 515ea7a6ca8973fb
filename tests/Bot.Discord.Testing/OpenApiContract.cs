using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Discord.Testing;

/// <summary>One contract failure: which body (index into the checked list), where in it, and why.</summary>
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
/// Checks request bodies against Discord's OpenAPI spec plus the documented rules the spec lacks, by running
/// <c>openapi_validate.py</c> (python3 + jsonschema) once for a whole batch.
/// The spec is found via <c>DISCORD_OPENAPI_SPEC</c> or <c>shared/reference/discord-api-spec/openapi.json</c>
/// in an ancestor directory; a missing spec or python fails loudly rather than skipping.
/// </summary>
public static class OpenApiContract
{
    public const string SpecEnvironmentVariable = "DISCORD_OPENAPI_SPEC";
    private const string ScriptName = "openapi_validate.py";

    /// <summary>Checks every recorded request that carried a body.</summary>
    public static Task<OpenApiContractResult> ValidateAsync(IEnumerable<FakeRestRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var bodies = requests
            .Where(r => !string.IsNullOrEmpty(r.Body))
            .Select(r => r.OperationId is not null
                ? OpenApiBody.ForOperation(r.OperationId, r.Body!)
                : OpenApiBody.ForRequest(r.Method, FakeRestServer.ApiPrefix + r.Path, r.Body!));
        return ValidateAsync(bodies, cancellationToken);
    }

    public static async Task<OpenApiContractResult> ValidateAsync(IEnumerable<OpenApiBody> bodies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var items = new JsonArray();
        foreach (var b in bodies)
        {
            var item = new JsonObject { ["body"] = JsonNode.Parse(b.Body) };
            if (b.OperationId is not null)
            {
                item["operationId"] = b.OperationId;
            }
            else
            {
                item["method"] = b.Method;
                item["path"] = b.Path;
            }

            items.Add(item);
        }

        if (items.Count == 0)
        {
            return new OpenApiContractResult(0, []);
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FindScript());
        start.ArgumentList.Add(FindSpec());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(items.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{ScriptName} exited with {process.ExitCode}: {errors}");
        }

        using var doc = JsonDocument.Parse(output);
        var violations = doc.RootElement.GetProperty("violations").EnumerateArray()
            .Select(v => new OpenApiViolation(
                v.GetProperty("index").GetInt32(),
                v.GetProperty("operation").GetString() ?? "",
                v.GetProperty("pointer").GetString() ?? "",
                v.GetProperty("message").GetString() ?? ""))
            .ToList();
        return new OpenApiContractResult(doc.RootElement.GetProperty("checked").GetInt32(), violations);
    }

    public static string FindSpec()
    {
        var configured = Environment.GetEnvironmentVariable(SpecEnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{SpecEnvironmentVariable} points to a missing file", configured);
        }

        return FindUpwards(Path.Combine("shared", "reference", "discord-api-spec", "openapi.json"))
            ?? throw new FileNotFoundException($"Discord OpenAPI spec not found; set {SpecEnvironmentVariable}.");
    }

    private static string FindScript() =>
        FindUpwards(Path.Combine("tests", "Bot.Discord.Testing", ScriptName))
        ?? throw new FileNotFoundException($"{ScriptName} not found above {AppContext.BaseDirectory}.");

    private static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
