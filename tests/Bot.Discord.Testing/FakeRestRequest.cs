namespace Bot.Discord.Testing;

/// <summary>
/// A request <see cref="FakeRestServer"/> received. <see cref="Path"/> excludes the <c>/api/v10</c> prefix. For a
/// <c>multipart/form-data</c> request, <see cref="Body"/> is its <c>payload_json</c> part and <see cref="Files"/> its
/// <c>files[n]</c> parts.
/// </summary>
public sealed record FakeRestRequest(
    int Sequence,
    string Method,
    string Path,
    string? RouteTemplate,
    string? OperationId,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public IReadOnlyList<FakeRestFile> Files { get; init; } = [];

    /// <summary>True when the body came as <c>multipart/form-data</c>.</summary>
    public bool IsMultipart { get; init; }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A <c>files[n]</c> part of a multipart request: its part name, file name, content type and bytes.</summary>
public sealed record FakeRestFile(string PartName, string FileName, string? ContentType, ReadOnlyMemory<byte> Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content.Span);
}
