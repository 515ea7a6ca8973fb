using Bot.Catalog;

namespace Bot.Application.Tests;

/// <summary>
/// Where the level model applies: free-text requests (messages and judged free-text inputs) whose level phrases find
/// none; never slash commands, whose level option and level word are exact.
/// </summary>
public sealed class ReadingAssistantLevelTests
{
    // An advanced reader in words no level phrase has; the fixture level model reads it as advanced.
    private const string ImpliesAdvanced = "grad student preparing quals, reading on raft";

    private static readonly ReadingAssistant Assistant = new(FixtureCatalog.LevelEngine);

    [Fact]
    public void A_free_text_request_gets_the_level_the_model_reads()
    {
        var reply = Assistant.HandleMessage("@ReadingBot " + ImpliesAdvanced, addressedToBot: true);

        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(Level.Advanced, reply.Level);
    }

    [Fact]
    public void A_judged_free_text_request_is_read_as_the_bot_reads_a_message()
    {
        var (_, query) = Assistant.HandleRecordedRequest(ImpliesAdvanced);

        Assert.NotNull(query);
        Assert.Equal(Level.Advanced, query.Level);
    }

    [Theory]
    [InlineData("/recommend topic:" + ImpliesAdvanced + " level:beginner", Level.Beginner)]
    [InlineData("/recommend " + ImpliesAdvanced + " intermediate", Level.Intermediate)]
    [InlineData("/recommend consensus beginner", Level.Beginner)]
    [InlineData("/recommend raft for beginners", Level.Beginner)]
    public void A_slash_command_keeps_its_exact_level(string command, Level expected)
    {
        var reply = Assistant.Handle(command);

        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(expected, reply.Level);
    }

    [Fact]
    public void A_slash_commands_topic_words_are_not_read_by_the_model()
    {
        var reply = Assistant.Handle("/recommend " + ImpliesAdvanced);

        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Null(reply.Level);
    }
}
