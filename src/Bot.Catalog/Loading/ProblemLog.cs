namespace Bot.Catalog.Loading;

internal sealed class ProblemLog
{
    private readonly List<CatalogProblem> _problems = [];

    public int Count => _problems.Count;

    public void Report(SourceLocation at, string message) =>
        _problems.Add(new CatalogProblem(at.File, at.Line, at.Column, message));

    /// <summary>Adds another log's problems after this one's, in the order they were found.</summary>
    public void Append(ProblemLog other) => _problems.AddRange(other._problems);

    /// <summary>Problems ordered by file, line and column; problems at the same spot keep the order they were found in.</summary>
    public IReadOnlyList<CatalogProblem> ToSortedList() =>
        _problems
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToArray();
}
