using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Discord.Models.Inbound;

namespace Bot.DiscordAdapter.Messages;

/// <summary>Why a message is or is not answered.</summary>
public enum FreeTextDecision
{
    Answer,
    FromSelf,
    FromBot,
    FromWebhook,
    NotAUserMessage,
    NotAddressed,
    Empty,
}

/// <summary>The decision and, when answering, the text with the bot's mention removed.</summary>
public sealed record FreeTextVerdict(FreeTextDecision Decision, string Text, bool IsDirectMessage, bool MentionsBot)
{
    public bool ShouldHandle => Decision == FreeTextDecision.Answer;
}

/// <summary>
/// Decides which MESSAGE_CREATE events the bot reads: DMs, messages mentioning it, and messages in the configured
/// free-text channels; never its own messages, other bots', webhooks' or system messages.
/// </summary>
public static partial class FreeTextFilter
{
    private const int DefaultMessageType = 0;
    private const int ReplyMessageType = 19;

    public static FreeTextVerdict Decide(Message message, ulong? botUserId, IReadOnlySet<ulong> freeTextChannels)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(freeTextChannels);
        var isDm = message.GuildId is null;
        if (botUserId is { } self && message.Author.Id == self)
        {
            return new(FreeTextDecision.FromSelf, string.Empty, isDm, false);
        }

        if (message.WebhookId is not null)
        {
            return new(FreeTextDecision.FromWebhook, string.Empty, isDm, false);
        }

        if (message.Author.Bot == true || message.Author.System == true)
        {
            return new(FreeTextDecision.FromBot, string.Empty, isDm, false);
        }

        if (message.Type is not (DefaultMessageType or ReplyMessageType))
        {
            return new(FreeTextDecision.NotAUserMessage, string.Empty, isDm, false);
        }

        var mentionsBot = botUserId is { } bot
            && (message.Mentions.Any(u => u.Id == bot) || ContainsMention(message.Content, bot));
        if (!isDm && !mentionsBot && !freeTextChannels.Contains(message.ChannelId))
        {
            return new(FreeTextDecision.NotAddressed, string.Empty, isDm, mentionsBot);
        }

        var text = botUserId is { } id ? StripMention(message.Content, id) : message.Content.Trim();
        return text.Length == 0
            ? new(FreeTextDecision.Empty, text, isDm, mentionsBot)
            : new(FreeTextDecision.Answer, text, isDm, mentionsBot);
    }

    /// <summary>Removes <c>&lt;@id&gt;</c> and <c>&lt;@!id&gt;</c> mentions of the bot and tidies the spaces left behind.</summary>
    public static string StripMention(string content, ulong botUserId)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (plain, nick) = MentionTokens(botUserId);
        var stripped = content.Replace(plain, " ", StringComparison.Ordinal).Replace(nick, " ", StringComparison.Ordinal);
        return Whitespace().Replace(stripped, " ").Trim().TrimStart(',', ':').Trim();
    }

    private static bool ContainsMention(string content, ulong botUserId)
    {
        var (plain, nick) = MentionTokens(botUserId);
        return content.Contains(plain, StringComparison.Ordinal) || content.Contains(nick, StringComparison.Ordinal);
    }

    private static (string Plain, string Nick) MentionTokens(ulong botUserId)
    {
        var id = botUserId.ToString(CultureInfo.InvariantCulture);
        return ($"<@{id}>", $"<@!{id}>");
    }

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
