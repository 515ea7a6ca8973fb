using System.ComponentModel.DataAnnotations;
using Bot.Recommendation.Ranking;

namespace Bot.Application.Tests;

public sealed class RankingOptionsTests
{
    [Fact]
    public void An_out_of_range_ranking_setting_is_rejected_with_its_name()
    {
        var options = new RankingOptions { MaxCandidates = 0 };

        var error = Assert.Throws<ValidationException>(options.Validated);

        Assert.Contains(nameof(RankingOptions.MaxCandidates), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_not_shared()
    {
        var first = RankingOptions.Default.Validated();
        first.MaxCandidates = 10;

        Assert.Equal(250, RankingOptions.Default.MaxCandidates);
    }
}
