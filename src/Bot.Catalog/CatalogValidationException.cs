namespace Bot.Catalog;

/// <summary>Thrown by <see cref="CatalogLoader.LoadOrThrow"/>; the message lists every problem as <c>file:line:column: message</c>.</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(string dataDirectory, IReadOnlyList<CatalogProblem> problems)
        : base(BuildMessage(dataDirectory, problems))
    {
        DataDirectory = dataDirectory;
        Problems = problems;
    }

    public string DataDirectory { get; }

    public IReadOnlyList<CatalogProblem> Problems { get; }

    private static string BuildMessage(string dataDirectory, IReadOnlyList<CatalogProblem> problems)
    {
        var noun = problems.Count == 1 ? "problem" : "problems";
        var header = $"The reading catalog in '{dataDirectory}' has {problems.Count} {noun}:";
        return string.Join('\n', problems.Select(p => p.ToString()).Prepend(header));
    }
}
