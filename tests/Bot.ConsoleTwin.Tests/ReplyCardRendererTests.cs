namespace Bot.ConsoleTwin.Tests;

public sealed class ReplyCardRendererTests
{
    private static string Render(string input)
    {
        var writer = new StringWriter();
        var console = TwinConsole.Create(writer, redirected: true);
        console.Profile.Width = 120;
        ReplyCardRenderer.Render(console, ConsoleFixture.Assistant.Handle(input));
        return writer.ToString();
    }

    [Fact]
    public void A_recommendation_shows_ranked_cards_with_reason_and_link()
    {
        var reply = ConsoleFixture.Assistant.Handle("/recommend consensus beginner");
        var text = Render("/recommend consensus beginner");
        Assert.Contains("1. ", text, StringComparison.Ordinal);
        Assert.Contains(reply.Items[0].Url, text, StringComparison.Ordinal);
        Assert.Contains(reply.Items[0].Reason[..20], text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_card_shows_reading_order()
    {
        var text = Render("/paper raft");
        Assert.Contains("Read first", text, StringComparison.Ordinal);
        Assert.Contains("Read next", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chatter_is_shown_as_silence() =>
        Assert.Contains("stays silent", Render("anyone up for lunch?"), StringComparison.Ordinal);

    [Fact]
    public void Piped_output_has_no_escape_codes() =>
        Assert.DoesNotContain('\u001b', Render("/recommend consensus beginner"));

    [Fact]
    public void Markup_in_user_input_is_not_interpreted()
    {
        var text = Render("/recommend [red]consensus[/] banana");
        Assert.Contains("Unknown", text, StringComparison.Ordinal);
    }
}
