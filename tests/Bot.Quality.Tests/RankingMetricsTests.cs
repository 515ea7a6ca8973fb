using Bot.Quality.Harness;

namespace Bot.Quality.Tests;

public sealed class RankingMetricsTests
{
    private static readonly Grades Judged = new(new Dictionary<string, int> { ["a"] = 3, ["b"] = 2, ["c"] = 1 });

    [Fact]
    public void Ideal_order_scores_one()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b", "c"], Judged), 12);
    }

    [Fact]
    public void Ndcg_matches_a_hand_computed_example()
    {
        // Returned b, x, a: DCG = 2/log2(2) + 0 + 3/log2(4) = 2 + 1.5 = 3.5.
        // Ideal a, b, c: 3 + 2/log2(3) + 1/2 = 4.761859507.
        var ndcg = RankingMetrics.Ndcg(["b", "x", "a"], Judged);

        Assert.Equal(3.5 / (3 + 2 / Math.Log2(3) + 0.5), ndcg, 12);
    }

    [Fact]
    public void Only_the_first_five_count_and_repeats_earn_nothing()
    {
        Assert.Equal(0.0, RankingMetrics.Ndcg(["x", "y", "z", "w", "v", "a"], Judged));
        Assert.Equal(3 / (3 + 2 / Math.Log2(3) + 0.5), RankingMetrics.Ndcg(["a", "a", "a"], Judged), 12);
    }

    [Fact]
    public void Ideal_dcg_uses_only_the_best_five_judged_grades()
    {
        var many = new Grades(Enumerable.Range(0, 8).ToDictionary(i => $"id{i}", _ => 1));

        Assert.Equal(Enumerable.Range(0, 5).Sum(i => 1 / Math.Log2(i + 2)), RankingMetrics.IdealDcg(many), 12);
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_first_correct_position()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "y", "a", "b"], id => id is "a" or "b"), 12);
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(["x", "y"], id => id == "a"));
    }
}
