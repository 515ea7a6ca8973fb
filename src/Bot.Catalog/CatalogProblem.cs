namespace Bot.Catalog;

/// <summary>
/// One thing wrong with the catalog data. <see cref="File"/> is relative to the data directory
/// (e.g. <c>resources/papers.yaml</c>); <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// Problems about a whole file (missing, empty) point at line 1, column 1.
/// </summary>
public sealed record CatalogProblem(string File, int Line, int Column, string Message)
{
    /// <summary>Formats the problem as <c>file:line:column: message</c>, the shape editors and CI logs link to.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
