using Bot.Featurization;
using Bot.Quality.Harness;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- eval [--worst N] [--holdout|--holdout2|--training] [--ablation]</c>: the quality table outside xunit;
/// <c>-- eval --understanding [--summary]</c>: topic, level and kind understanding on the trained-on sets, with the misses.
/// <c>--holdout</c>, <c>--training</c> and <c>--holdout2</c> (held out: never trained or tuned on) evaluate
/// those judgments with no floors; <c>--ablation</c> compares ML.NET featurizer settings (weighting, stop words,
/// n-gram lengths) on the same judgments.
/// </summary>
internal static class EvalCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Contains("--understanding"))
        {
            Console.WriteLine(UnderstandingEvaluator.Format(UnderstandingEvaluator.RunOnRepository(), listMisses: !args.Contains("--summary")));
            return 0;
        }

        var heldOut = args.Contains("--holdout") || args.Contains("--holdout2") || args.Contains("--training") || args.Contains("--training2") || args.Contains("--training3");
        var directory = args.Contains("--holdout2") ? JudgmentFolders.Holdout2
            : args.Contains("--training2") ? JudgmentFolders.Training2
            : args.Contains("--training3") ? JudgmentFolders.Training3
            : args.Contains("--training") ? JudgmentFolders.Training
            : args.Contains("--holdout") ? JudgmentFolders.Holdout
            : JudgmentFolders.Tuned;
        if (args.Contains("--ablation"))
        {
            PrintAblation(directory);
            return 0;
        }

        var report = QualityEvaluator.RunOnRepository(directory);
        var floors = heldOut ? [] : QualityFloors.All;
        // The held-out set's answers are never listed one by one: whoever reads them could tune on them.
        var worst = directory == JudgmentFolders.Holdout2 ? 0 : CommandLine.Int(args, "--worst", 10);
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
