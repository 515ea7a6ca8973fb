using Bot.Featurization;
using Bot.Quality.Harness;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- eval [--worst N] [--set NAME | --holdout | --training | --training2 | --training3 | --holdout2] [--ablation]</c>:
/// the quality table outside xunit; <c>-- eval --understanding [--summary]</c>: topic, level and kind understanding on
/// the trained-on sets, with the misses. <c>--set NAME</c> (a folder under the judgments, such as Training4 or
/// Holdout3) and the named flags evaluate that set with no floors; a held-out set (never trained or tuned on) prints
/// its figures only. <c>--ablation</c> compares ML.NET featurizer settings (weighting, stop words, n-gram lengths) on
/// the same judgments.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The sets that kept a flag of their own (--training2 …); newer sets are named with --set.</summary>
    private static readonly string[] NamedSetFlags = ["Holdout2", "Training2", "Training3", "Training", "Holdout"];

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Contains("--understanding"))
        {
            Console.WriteLine(UnderstandingEvaluator.Format(UnderstandingEvaluator.RunOnRepository(), listMisses: !args.Contains("--summary")));
            return 0;
        }

        var setName = CommandLine.Text(args, "--set")
            ?? NamedSetFlags.FirstOrDefault(flag => args.Contains("--" + flag.ToLowerInvariant()))
            ?? string.Empty;
        var directory = JudgmentFolders.Named(setName);
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"No judgment set '{setName}' (looked in {directory}).");
            return 2;
        }
        if (args.Contains("--ablation"))
        {
            PrintAblation(directory);
            return 0;
        }

        var report = QualityEvaluator.RunOnRepository(directory);
        var floors = directory == JudgmentFolders.Tuned ? QualityFloors.All : [];
        var worst = JudgmentFolders.IsHeldOut(directory) ? 0 : CommandLine.Int(args, "--worst", 10);
        Console.WriteLine(report.Format(floors, worst));
        var violations = report.Violations(floors);
        foreach (var violation in violations)
        {
            Console.Error.WriteLine("below floor: " + violation);
        }

        return violations.Count == 0 ? 0 : 1;
    }

    private static void PrintAblation(string directory)
    {
        (string Name, TextFeaturizerOptions Options)[] variants =
        [
            ("ML.NET defaults: Tf weighting, grammar words kept", new TextFeaturizerOptions { Weighting = WeightingCriteria.Tf, RemoveGrammarWords = false }),
            ("TF-IDF, grammar words kept", new TextFeaturizerOptions { RemoveGrammarWords = false }),
            ("TF-IDF, word n-grams only", new TextFeaturizerOptions { CharNgramLength = 0 }),
            ("TF-IDF, word unigrams + char trigrams", new TextFeaturizerOptions { WordNgramLength = 1 }),
            ("TF-IDF, char 4-grams", new TextFeaturizerOptions { CharNgramLength = 4 }),
            ("TF-IDF + grammar words dropped (the bot's)", TextFeaturizerOptions.Retrieval),
        ];
        Console.WriteLine("| featurizer | /recommend nDCG@5 | messages nDCG@5 | /paper top-1 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, options) in variants)
        {
            var report = QualityEvaluator.RunOnRepository(directory, options);
            Console.WriteLine($"| {name} | {report.RecommendNdcg:F3} | {report.MessageNdcg:F3} | {report.PaperTop1:P1} |");
        }
    }
}
