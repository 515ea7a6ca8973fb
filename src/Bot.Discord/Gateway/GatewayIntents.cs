namespace Bot.Discord.Gateway;

/// <summary>Gateway intents (the <c>intents</c> bit set sent in Identify). Privileged ones are marked.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,

    /// <summary>Privileged.</summary>
    GuildMembers = 1 << 1,
    GuildModeration = 1 << 2,
    GuildExpressions = 1 << 3,
    GuildIntegrations = 1 << 4,
    GuildWebhooks = 1 << 5,
    GuildInvites = 1 << 6,
    GuildVoiceStates = 1 << 7,

    /// <summary>Privileged.</summary>
    GuildPresences = 1 << 8,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    GuildMessageTyping = 1 << 11,
    DirectMessages = 1 << 12,
    DirectMessageReactions = 1 << 13,
    DirectMessageTyping = 1 << 14,

    /// <summary>Privileged: without it message <c>content</c> is empty except in DMs, mentions and own messages.</summary>
    MessageContent = 1 << 15,
    GuildScheduledEvents = 1 << 16,
    AutoModerationConfiguration = 1 << 20,
    AutoModerationExecution = 1 << 21,
    GuildMessagePolls = 1 << 24,
    DirectMessagePolls = 1 << 25,
}

/// <summary>Intent sets and helpers.</summary>
public static class GatewayIntentSets
{
    /// <summary>Every documented intent bit; anything else is closed with 4013.</summary>
    public const GatewayIntents AllDocumented =
        GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildModeration
        | GatewayIntents.GuildExpressions | GatewayIntents.GuildIntegrations | GatewayIntents.GuildWebhooks
        | GatewayIntents.GuildInvites | GatewayIntents.GuildVoiceStates | GatewayIntents.GuildPresences
        | GatewayIntents.GuildMessages | GatewayIntents.GuildMessageReactions | GatewayIntents.GuildMessageTyping
        | GatewayIntents.DirectMessages | GatewayIntents.DirectMessageReactions | GatewayIntents.DirectMessageTyping
        | GatewayIntents.MessageContent | GatewayIntents.GuildScheduledEvents
        | GatewayIntents.AutoModerationConfiguration | GatewayIntents.AutoModerationExecution
        | GatewayIntents.GuildMessagePolls | GatewayIntents.DirectMessagePolls;

    /// <summary>Intents that must be enabled in the Developer Portal (else close 4014).</summary>
    public const GatewayIntents Privileged =
        GatewayIntents.GuildMembers | GatewayIntents.GuildPresences | GatewayIntents.MessageContent;

    /// <summary>
    /// The bot's intents, built explicitly: GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES, plus the privileged
    /// MESSAGE_CONTENT only when free-text messages are enabled. Interactions need no intent.
    /// </summary>
    public static GatewayIntents ForBot(bool freeTextEnabled)
    {
        var intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages;
        return freeTextEnabled ? intents | GatewayIntents.MessageContent : intents;
    }

    /// <summary>The documented names (e.g. MESSAGE_CONTENT) of the set bits, lowest bit first.</summary>
    public static IReadOnlyList<string> ToDocumentedNames(this GatewayIntents intents)
    {
        var names = new List<string>();
        foreach (var value in Enum.GetValues<GatewayIntents>())
        {
            if (value != GatewayIntents.None && intents.HasFlag(value))
            {
                names.Add(DocumentedName(value));
            }
        }

        return names;
    }

    private static string DocumentedName(GatewayIntents single) => single switch
    {
        GatewayIntents.Guilds => "GUILDS",
        GatewayIntents.GuildMembers => "GUILD_MEMBERS",
        GatewayIntents.GuildModeration => "GUILD_MODERATION",
        GatewayIntents.GuildExpressions => "GUILD_EXPRESSIONS",
        GatewayIntents.GuildIntegrations => "GUILD_INTEGRATIONS",
        GatewayIntents.GuildWebhooks => "GUILD_WEBHOOKS",
        GatewayIntents.GuildInvites => "GUILD_INVITES",
        GatewayIntents.GuildVoiceStates => "GUILD_VOICE_STATES",
        GatewayIntents.GuildPresences => "GUILD_PRESENCES",
        GatewayIntents.GuildMessages => "GUILD_MESSAGES",
        GatewayIntents.GuildMessageReactions => "GUILD_MESSAGE_REACTIONS",
        GatewayIntents.GuildMessageTyping => "GUILD_MESSAGE_TYPING",
        GatewayIntents.DirectMessages => "DIRECT_MESSAGES",
        GatewayIntents.DirectMessageReactions => "DIRECT_MESSAGE_REACTIONS",
        GatewayIntents.DirectMessageTyping => "DIRECT_MESSAGE_TYPING",
        GatewayIntents.MessageContent => "MESSAGE_CONTENT",
        GatewayIntents.GuildScheduledEvents => "GUILD_SCHEDULED_EVENTS",
        GatewayIntents.AutoModerationConfiguration => "AUTO_MODERATION_CONFIGURATION",
        GatewayIntents.AutoModerationExecution => "AUTO_MODERATION_EXECUTION",
        GatewayIntents.GuildMessagePolls => "GUILD_MESSAGE_POLLS",
        GatewayIntents.DirectMessagePolls => "DIRECT_MESSAGE_POLLS",
        _ => $"1<<{System.Numerics.BitOperations.TrailingZeroCount((int)single)}",
    };
}
