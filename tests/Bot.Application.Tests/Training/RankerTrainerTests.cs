using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Recommendation;
using Bot.Recommendation.Ranking;

namespace Bot.Application.Tests.Training;

/// <summary>How judged requests are split into cross-validation folds.</summary>
public sealed class RankerTrainerTests
{
    private static TrainingQuery Query(string set, int number) =>
        new($"{set} request {number}", [], [], [], new Grades(new Dictionary<string, int>())) { Set = set };

    private static List<TrainingQuery> Sets(params (string Set, int Size)[] sets) =>
        sets.SelectMany(s => Enumerable.Range(0, s.Size).Select(n => Query(s.Set, n))).ToList();

    [Fact]
    public void By_set_every_judged_set_lies_whole_in_one_fold()
    {
        var dataset = Sets(("a", 30), ("b", 20), ("c", 20), ("d", 10), ("e", 10), ("f", 10), ("g", 5));

        var folds = RankerTrainer.FoldsOf(dataset, FoldGrouping.BySet);

        Assert.All(dataset.Select((q, i) => (q.Set, Fold: folds[i])).GroupBy(p => p.Set), set => Assert.Single(set.Select(p => p.Fold).Distinct()));
    }

    [Fact]
    public void By_set_the_folds_are_filled_largest_set_first_into_the_smallest_fold()
    {
        var dataset = Sets(("a", 30), ("b", 20), ("c", 20), ("d", 10), ("e", 10), ("f", 10), ("g", 5));

        var sizes = RankerTrainer.FoldsOf(dataset, FoldGrouping.BySet).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());

        // a, b, c, d, e open the five folds; f joins a ten, g the other ten.
        Assert.Equal([30, 20, 20, 20, 15], sizes.Values.OrderByDescending(s => s));
    }

    [Fact]
    public void Cross_validation_can_train_on_another_reading_of_the_requests_and_measure_on_its_own()
    {
        // Read one way, the ideal candidate carries the first feature; read the other way, the other candidate does.
        static List<TrainingQuery> Read(bool idealMarked) => Enumerable.Range(0, 100).Select(n =>
        {
            var ideal = new float[RankingFeatures.Count];
            var other = new float[RankingFeatures.Count];
            (idealMarked ? ideal : other)[RankingFeatures.TextSimilarity] = 1;
            ideal[RankingFeatures.Year] = other[RankingFeatures.Year] = n;
            return new TrainingQuery($"request {n}", ["ideal", "other"], [ideal, other], [3, 0], new Grades(new Dictionary<string, int> { ["ideal"] = 3 })) { Set = "a" };
        }).ToList();
        var asMeasured = Read(idealMarked: true);

        var own = RankerTrainer.CrossValidate(asMeasured, RankerAlgorithm.LightGbmLambdaRank);
        var other = RankerTrainer.CrossValidate(asMeasured, RankerAlgorithm.LightGbmLambdaRank, trainedOn: Read(idealMarked: false));

        Assert.Equal(1.0, own.Mean, 6);
        Assert.True(other.Mean < 0.7, $"trained on the other reading: {other.Mean}");
    }

    [Fact]
    public void Interleaved_folds_take_requests_in_turn_whatever_their_set()
    {
        var dataset = Sets(("a", 7));

        Assert.Equal([0, 1, 2, 3, 4, 0, 1], RankerTrainer.FoldsOf(dataset, FoldGrouping.Interleaved));
    }
}
