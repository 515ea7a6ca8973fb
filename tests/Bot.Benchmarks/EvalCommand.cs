using Bot.Quality.Harness;

namespace Bot.Benchmarks;

/// <summary><c>-- eval [--worst N]</c>: the quality table outside xunit.</summary>
internal static class EvalCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var report = QualityEvaluator.RunOnRepository();
        Console.WriteLine(report.Format(QualityFloors.All, CommandLine.Int(args, "--worst", 10)));
        var violations = report.Violations(QualityFloors.All);
        foreach (var violation in violations)
        {
            Console.Error.WriteLine("below floor: " + violation);
        }

        return violations.Count == 0 ? 0 : 1;
    }
}
