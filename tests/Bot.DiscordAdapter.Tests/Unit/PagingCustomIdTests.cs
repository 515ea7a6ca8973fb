using Bot.Application;
using Bot.Discord.Models.Outbound;
using Bot.DiscordAdapter.Interactions;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class PagingCustomIdTests
{
    [Fact]
    public void Round_trips_topic_level_kind_offset_count_and_owner()
    {
        var request = new RecommendRequest { Topic = "leader election: raft", Level = "intermediate", Kind = "paper", Offset = 15, Count = 5 };

        var id = PagingCustomId.Encode(ulong.MaxValue, request);

        Assert.NotNull(id);
        Assert.True(id.Length <= DiscordLimits.ComponentCustomId);
        Assert.True(PagingCustomId.TryDecode(id, out var token));
        Assert.Equal(ulong.MaxValue, token.OwnerId);
        Assert.Equal(request, token.Request);
    }

    [Fact]
    public void Missing_level_and_kind_decode_as_null()
    {
        var id = PagingCustomId.Encode(42, new RecommendRequest { Topic = "clocks", Offset = 5, Count = 5 });

        Assert.True(PagingCustomId.TryDecode(id, out var token));
        Assert.Null(token.Request.Level);
        Assert.Null(token.Request.Kind);
        Assert.Equal("clocks", token.Request.Topic);
    }

    [Fact]
    public void A_page_that_does_not_fit_in_100_characters_gets_no_id()
    {
        var request = new RecommendRequest { Topic = new string('x', 80), Level = "beginner", Offset = 5, Count = 5 };

        Assert.Null(PagingCustomId.Encode(53908232506183680, request));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("other:1:2")]
    [InlineData("more1:abc:5:5:::consensus")]
    [InlineData("more1:1:5:0:::consensus")]
    [InlineData("more1:1:-5:5:::consensus")]
    [InlineData("more1:1:5:5:::")]
    [InlineData("more1:1:5:5")]
    public void Malformed_or_foreign_ids_are_rejected(string? customId)
    {
        Assert.False(PagingCustomId.TryDecode(customId, out _));
    }
}
