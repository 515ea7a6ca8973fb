namespace Bot.Catalog;

/// <summary>Backs the <c>Bot catalog lint</c> command: runs every catalog rule and formats the findings.</summary>
public static class CatalogLinter
{
    /// <summary>Returns every problem in the data directory, ordered by file, line and column; empty when the catalog is valid.</summary>
    public static IReadOnlyList<CatalogProblem> Lint(string dataDirectory, CatalogLoadOptions? options = null) =>
        CatalogLoader.Load(dataDirectory, options).Problems;

    /// <summary>One <c>file:line:column: message</c> line per problem.</summary>
    public static string Format(IEnumerable<CatalogProblem> problems) =>
        string.Join('\n', problems.Select(p => p.ToString()));
}
