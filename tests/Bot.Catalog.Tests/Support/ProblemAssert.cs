namespace Bot.Catalog.Tests.Support;

internal static class ProblemAssert
{
    public static void NoProblems(CatalogLoadResult result)
    {
        Assert.True(result.Problems.Count == 0, $"expected no problems, got:\n{CatalogLinter.Format(result.Problems)}");
        Assert.NotNull(result.Catalog);
    }

    /// <summary>Asserts the load failed with exactly one problem and returns it.</summary>
    public static CatalogProblem Single(CatalogLoadResult result)
    {
        Assert.True(
            result.Problems.Count == 1,
            $"expected exactly one problem, got {result.Problems.Count}:\n{CatalogLinter.Format(result.Problems)}");
        Assert.Null(result.Catalog);
        return result.Problems[0];
    }

    public static void At(CatalogProblem problem, string file, int line, int column, params string[] messageParts)
    {
        Assert.Equal((file, line, column), (problem.File, problem.Line, problem.Column));
        foreach (var part in messageParts)
        {
            Assert.Contains(part, problem.Message, StringComparison.Ordinal);
        }
    }

    public static CatalogProblem SingleAt(CatalogLoadResult result, string file, int line, int column, params string[] messageParts)
    {
        var problem = Single(result);
        At(problem, file, line, column, messageParts);
        return problem;
    }
}
