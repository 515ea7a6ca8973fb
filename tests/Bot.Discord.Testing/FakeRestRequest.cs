namespace Bot.Discord.Testing;

/// <summary>A request <see cref="FakeRestServer"/> received. <see cref="Path"/> excludes the <c>/api/v10</c> prefix.</summary>
public sealed record FakeRestRequest(
    int Sequence,
    string Method,
    string Path,
    string? RouteTemplate,
    string? OperationId,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
