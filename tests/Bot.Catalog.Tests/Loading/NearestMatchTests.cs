using Bot.Catalog.Loading;

namespace Bot.Catalog.Tests.Loading;

public sealed class NearestMatchTests
{
    [Fact]
    public void Finds_the_closest_candidate_ignoring_case()
    {
        Assert.Equal("consensus", NearestMatch.Find("CONSENSU", ["consistency-models", "consensus", "coordination"]));
    }

    [Fact]
    public void Ties_go_to_the_ordinally_first_candidate()
    {
        Assert.Equal("base-1", NearestMatch.Find("base-x", ["base-2", "base-1"]));
    }

    [Fact]
    public void Returns_null_when_nothing_is_within_the_distance()
    {
        Assert.Null(NearestMatch.Find("isbn", ["title", "authors"], NearestMatch.TypoDistanceFor("isbn")));
    }
}
