using Bot.Catalog;
using Bot.Discord.Models.Outbound;

namespace Bot.DiscordAdapter.Commands;

/// <summary>The slash commands the bot registers, and their option names.</summary>
public static class BotCommands
{
    public const string Recommend = "recommend";
    public const string Paper = "paper";
    public const string Topics = "topics";
    public const string Help = "help";

    public const string TopicOption = "topic";
    public const string LevelOption = "level";
    public const string KindOption = "kind";
    public const string CountOption = "count";
    public const string QueryOption = "query";

    public const int MaxCount = 10;
    public const int MaxTextLength = 200;

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        ApplicationCommand.ChatInput(
            Recommend,
            "Recommend distributed-systems reading on a topic, for your level.",
            new ApplicationCommandOption(ApplicationCommandOptionType.String, TopicOption, "Topic, e.g. consensus, replication, clocks")
            {
                Required = true,
                Autocomplete = true,
                MaxLength = MaxTextLength,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, LevelOption, "Your level")
            {
                Required = true,
                Choices = [.. Enum.GetValues<Level>().Select(l => CommandChoice.String(Capitalized(l.ToString()), l.ToString().ToLowerInvariant()))],
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, KindOption, "Only this kind of resource")
            {
                Required = false,
                Choices = [.. Enum.GetValues<ResourceKind>().Select(k => CommandChoice.String(Capitalized(k.ToString()), k.ToString().ToLowerInvariant()))],
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, CountOption, "How many results (1-10, default 5)")
            {
                Required = false,
                MinValue = 1,
                MaxValue = MaxCount,
            }),
        ApplicationCommand.ChatInput(
            Paper,
            "Find a paper by title, nickname or author, with what to read before and after it.",
            new ApplicationCommandOption(ApplicationCommandOptionType.String, QueryOption, "Title, nickname or author, e.g. raft, flp, lamport clocks")
            {
                Required = true,
                Autocomplete = true,
                MaxLength = MaxTextLength,
            }),
        ApplicationCommand.ChatInput(
            Topics,
            "List the topics I can recommend reading on, or show one in detail.",
            new ApplicationCommandOption(ApplicationCommandOptionType.String, TopicOption, "A topic to show in detail: its reading path and items per level")
            {
                Required = false,
                Autocomplete = true,
                MaxLength = MaxTextLength,
            }),
        ApplicationCommand.ChatInput(Help, "How to ask me for reading recommendations."),
    ];

    private static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
}
