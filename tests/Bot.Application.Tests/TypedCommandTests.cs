namespace Bot.Application.Tests;

public sealed class TypedCommandTests
{
    private static readonly HashSet<string> RecommendOptions = new(StringComparer.Ordinal) { "topic", "level", "kind", "count", "page" };

    [Fact]
    public void A_multi_word_option_runs_until_the_next_option()
    {
        var command = TypedCommand.Parse("/recommend topic:leader election level:beginner", RecommendOptions);

        Assert.Equal("leader election", command.Options["topic"]);
        Assert.Equal("beginner", command.Options["level"]);
        Assert.Empty(command.Positional);
    }

    [Theory]
    [InlineData("/recommend kind:book level:intermediate windows, triggers and watermarks")]
    [InlineData("/recommend level:intermediate kind:book windows, triggers and watermarks")]
    [InlineData("/recommend level: intermediate kind: book windows, triggers and watermarks")]
    public void Words_after_a_one_word_option_are_the_commands_own(string input)
    {
        var command = TypedCommand.Parse(input, RecommendOptions);

        Assert.Equal("intermediate", command.Options["level"]);
        Assert.Equal("book", command.Options["kind"]);
        Assert.Equal(["windows,", "triggers", "and", "watermarks"], command.Positional);
    }

    [Fact]
    public void Unknown_keys_are_words_and_the_name_is_lower_cased()
    {
        var command = TypedCommand.Parse("/Recommend time:now consensus count:3", RecommendOptions);

        Assert.Equal("recommend", command.Name);
        Assert.Equal(["time:now", "consensus"], command.Positional);
        Assert.Equal("3", command.Options["count"]);
    }
}
