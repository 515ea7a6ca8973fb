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
    public const string Save = "save";
    public const string Read = "read";
    public const string Remove = "remove";
    public const string List = "list";
    public const string Path = "path";
    public const string ForgetMe = "forget-me";
    public const string MyData = "my-data";
    public const string Config = "config";
    public const string Club = "club";

    public const string TopicOption = "topic";
    public const string LevelOption = "level";
    public const string KindOption = "kind";
    public const string CountOption = "count";
    public const string QueryOption = "query";
    public const string ItemOption = "item";
    public const string RatingOption = "rating";
    public const string FreeTextChannelsOption = "free-text-channels";
    public const string UserCooldownOption = "user-cooldown";
    public const string ChannelCooldownOption = "channel-cooldown";
    public const string TrainingOption = "training";
    public const string ClubChannelOption = "club-channel";
    public const string ClubDayOption = "club-day";
    public const string ClubHourOption = "club-hour";

    /// <summary>The MANAGE_GUILD permission bit ("Manage Server").</summary>
    public const long ManageGuildPermission = 1L << 5;

    /// <summary>The ADMINISTRATOR permission bit, which implies every other.</summary>
    public const long AdministratorPermission = 1L << 3;

    public const int MaxCount = 10;
    public const int MaxTextLength = 200;

    // Declared before All, which reads it while being initialized.
    private static readonly DayOfWeek[] WeekdaysFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

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
            new ApplicationCommandOption(ApplicationCommandOptionType.String, LevelOption, "Your level (default: the server's level, if it set one)")
            {
                Required = false,
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
        ApplicationCommand.ChatInput(Save, "Save an item to your reading list (only you see the answer).", ItemArgument("The item to save: title, nickname or id")),
        ApplicationCommand.ChatInput(
            Read,
            "Mark an item read, with an optional rating; it is not recommended to you again.",
            ItemArgument("The item you read: title, nickname or id"),
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, RatingOption, "Your rating, 1 (poor) to 5 (excellent)")
            {
                Required = false,
                MinValue = 1,
                MaxValue = 5,
            }),
        ApplicationCommand.ChatInput(Remove, "Take an item off your reading list.", ItemArgument("The item to remove: title, nickname or id")),
        ApplicationCommand.ChatInput(List, "Your reading list: saved and read items by topic, with progress on each topic's essentials."),
        ApplicationCommand.ChatInput(
            Path,
            "An ordered learning path for a topic, with what you have read and what is next.",
            new ApplicationCommandOption(ApplicationCommandOptionType.String, TopicOption, "Topic, e.g. consensus, replication, clocks")
            {
                Required = true,
                Autocomplete = true,
                MaxLength = MaxTextLength,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, LevelOption, "Your level")
            {
                Required = false,
                Choices = [.. Enum.GetValues<Level>().Select(l => CommandChoice.String(Capitalized(l.ToString()), l.ToString().ToLowerInvariant()))],
            }),
        ApplicationCommand.ChatInput(ForgetMe, "Delete everything I store about you: your list, dismissals and feedback."),
        ApplicationCommand.ChatInput(MyData, "Everything I store about you, as a JSON file (only you see it)."),
        ApplicationCommand.ChatInput(
            Config,
            "Server settings (Manage Server): free-text channels, cooldowns, level, training, paper of the week.",
            new ApplicationCommandOption(ApplicationCommandOptionType.String, FreeTextChannelsOption, "Channels where I answer free text: #mentions or ids, or none")
            {
                Required = false,
                MaxLength = MaxTextLength,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, ChannelCooldownOption, "Seconds between my free-text answers in one channel (0-3600)")
            {
                Required = false,
                MinValue = 0,
                MaxValue = Bot.Application.Servers.ServerAssistant.MaxCooldownSeconds,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, UserCooldownOption, "Seconds between my free-text answers to one member (0-3600)")
            {
                Required = false,
                MinValue = 0,
                MaxValue = Bot.Application.Servers.ServerAssistant.MaxCooldownSeconds,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, LevelOption, "The group's default level")
            {
                Required = false,
                Choices = [.. Enum.GetValues<Level>().Select(l => CommandChoice.String(Capitalized(l.ToString()), l.ToString().ToLowerInvariant())), CommandChoice.String("None", "none")],
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Boolean, TrainingOption, "May feedback given in this server be used to improve the ranking?")
            {
                Required = false,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Channel, ClubChannelOption, "Channel for the paper of the week")
            {
                Required = false,
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.String, ClubDayOption, "Weekday of the paper of the week, or Off")
            {
                Required = false,
                Choices = [.. WeekdaysFromMonday.Select(d => CommandChoice.String(d.ToString(), d.ToString().ToLowerInvariant())), CommandChoice.String("Off", "off")],
            },
            new ApplicationCommandOption(ApplicationCommandOptionType.Integer, ClubHourOption, "Hour of the paper of the week, UTC (0-23)")
            {
                Required = false,
                MinValue = 0,
                MaxValue = 23,
            }) with
        {
            DefaultMemberPermissions = ManageGuildPermission,
            Contexts = [InteractionContextType.Guild],
        },
        ApplicationCommand.ChatInput(Club, "The paper of the week: current and past picks, and how many members read each.") with
        {
            Contexts = [InteractionContextType.Guild],
        },
    ];


    private static ApplicationCommandOption ItemArgument(string description) =>
        new(ApplicationCommandOptionType.String, ItemOption, description)
        {
            Required = true,
            Autocomplete = true,
            MaxLength = MaxTextLength,
        };

    private static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
}
