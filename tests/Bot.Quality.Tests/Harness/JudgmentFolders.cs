using Bot.Testing;

namespace Bot.Quality.Harness;

/// <summary>The repository's judgment folders.</summary>
public static class JudgmentFolders
{
    /// <summary>The team's own set, tuned against.</summary>
    public static string Tuned => Path.Combine(Repository.Root, JudgmentLoader.RepositoryPath);

    /// <summary>Written after tuning; the ranker now trains on it too.</summary>
    public static string Holdout => Path.Combine(Tuned, "Holdout");

    /// <summary>Written blind for training the ranker.</summary>
    public static string Training => Path.Combine(Tuned, "Training");

    /// <summary>A second blind set for training, written after the first learned ranker shipped.</summary>
    public static string Training2 => Path.Combine(Tuned, "Training2");

    /// <summary>A third blind set for training: mostly broad and descriptive asks.</summary>
    public static string Training3 => Path.Combine(Tuned, "Training3");

    /// <summary>Held out: no training or tuning reads it; only evaluation reports on it.</summary>
    public static string Holdout2 => Path.Combine(Tuned, "Holdout2");

    /// <summary>
    /// The sets no training or tuning reads. Their answers are never listed one by one, only their figures, because
    /// whoever reads the misses could tune on them.
    /// </summary>
    public static IReadOnlyList<string> HeldOutNames { get; } = ["Holdout2", "Holdout3", "Holdout4", "Holdout5", "Holdout6", "Holdout7", "Holdout8"];

    /// <summary>A judgment set by its folder name ("" or "tuned" for the team's own set).</summary>
    public static string Named(string name) =>
        name.Length == 0 || name.Equals("tuned", StringComparison.OrdinalIgnoreCase) ? Tuned : Path.Combine(Tuned, name);

    public static bool IsHeldOut(string directory) =>
        HeldOutNames.Any(name => Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)
            .EndsWith(Path.DirectorySeparatorChar + name, StringComparison.OrdinalIgnoreCase));

    public static JudgmentSet LoadTuned() => JudgmentLoader.Load(Tuned);
}
