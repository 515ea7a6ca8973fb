using Bot.Application;
using Bot.Application.Readers;
using Bot.Application.Servers;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MessageReference = Bot.Discord.Models.Outbound.MessageReference;

namespace Bot.DiscordAdapter.Messages;

/// <summary>
/// Answers free text (MESSAGE_CREATE) that the application calls a request, as a reply to the message that
/// pings nobody, within the cooldowns; chatter and everything the filter rejects get silence. With server settings
/// (/config), a server's free-text channels add to the configured ones, its cooldowns replace the defaults, and its
/// default level applies to requests that name none.
/// </summary>
public sealed partial class FreeTextHandler
{
    private readonly IReadingAssistant _assistant;
    private readonly IDiscordRestClient _rest;
    private readonly BotIdentity _identity;
    private readonly IFreeTextCooldowns _cooldowns;
    private readonly IReadOnlySet<ulong> _channels;
    private readonly ILogger<FreeTextHandler> _logger;
    private readonly ServerSettingsCache? _servers;
    private readonly ReaderAssistant? _readers;
    private readonly TimeSpan _userCooldown;
    private readonly TimeSpan _channelCooldown;

    public FreeTextHandler(
        IReadingAssistant assistant,
        IDiscordRestClient rest,
        BotIdentity identity,
        IFreeTextCooldowns cooldowns,
        IOptions<DiscordBotOptions> options,
        ILogger<FreeTextHandler> logger,
        ServerSettingsCache? servers = null,
        ReaderAssistant? readers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _assistant = assistant;
        _rest = rest;
        _identity = identity;
        _cooldowns = cooldowns;
        _channels = options.Value.ParsedFreeTextChannelIds;
        _userCooldown = options.Value.UserCooldown;
        _channelCooldown = options.Value.ChannelCooldown;
        _logger = logger;
        _servers = servers;
        _readers = readers;
    }

    /// <summary>Handles one message; returns the message sent, or null when the bot stayed silent.</summary>
    public async Task<MessagePayload?> HandleAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var server = message.GuildId is { } guild && _servers is { } servers
            ? await servers.FindAsync(guild, cancellationToken).ConfigureAwait(false)
            : null;
        var channels = server is { FreeTextChannelIds.Count: > 0 } ? _channels.Union(server.FreeTextChannelIds).ToHashSet() : _channels;
        var verdict = FreeTextFilter.Decide(message, _identity.BotUserId, channels);
        if (!verdict.ShouldHandle)
        {
            Log.Ignored(_logger, message.Id, verdict.Decision);
            return null;
        }

        var cooldown = server is null
            ? new FreeTextCooldown(_userCooldown, _channelCooldown)
            : new FreeTextCooldown(TimeSpan.FromSeconds(server.UserCooldownSeconds), TimeSpan.FromSeconds(server.ChannelCooldownSeconds));
        if (await _cooldowns.IsCoolingDownAsync(message.Author.Id, message.ChannelId, cooldown, cancellationToken).ConfigureAwait(false))
        {
            Log.CoolingDown(_logger, message.Id);
            return null;
        }

        var addressed = verdict.IsDirectMessage || verdict.MentionsBot;
        var reply = _readers is { } readers
            ? await readers.HandleMessageAsync(new ReaderContext(message.Author.Id, message.GuildId, message.ChannelId), verdict.Text, addressed, cancellationToken).ConfigureAwait(false)
            : _assistant.HandleMessage(verdict.Text, addressedToBot: addressed);
        if (!reply.ShouldAnswer)
        {
            Log.Chatter(_logger, message.Id);
            return null;
        }

        if (!await _cooldowns.TryAcquireAsync(message.Author.Id, message.ChannelId, cooldown, cancellationToken).ConfigureAwait(false))
        {
            Log.CoolingDown(_logger, message.Id);
            return null;
        }

        var payload = ReplyRenderer.Render(reply, new RenderContext(message.Author.Id)) with
        {
            MessageReference = new MessageReference(message.Id)
            {
                ChannelId = message.ChannelId,
                GuildId = message.GuildId,
                FailIfNotExists = false,
            },
        };
        var violations = MessageValidator.Validate(payload, MessageTarget.ChannelMessage);
        if (violations.Count > 0)
        {
            Log.InvalidPayload(_logger, message.Id, string.Join("; ", violations));
            payload = ReplyRenderer.Notice(ReplyRenderer.UndisplayableReply) with { MessageReference = payload.MessageReference };
        }

        try
        {
            await _rest.CreateMessageAsync(message.ChannelId, payload, cancellationToken).ConfigureAwait(false);
            Log.Answered(_logger, message.Id, reply.Intent);
            return payload;
        }
        catch (DiscordUnauthorizedException)
        {
            throw;
        }
        catch (DiscordException ex)
        {
            Log.SendFailed(_logger, ex, message.Id, message.ChannelId);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3300, Level = LogLevel.Trace, Message = "Message {MessageId} ignored: {Decision}")]
        public static partial void Ignored(ILogger logger, ulong messageId, FreeTextDecision decision);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Debug, Message = "Message {MessageId} not answered: user or channel cooling down")]
        public static partial void CoolingDown(ILogger logger, ulong messageId);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Debug, Message = "Message {MessageId} is chatter; staying silent")]
        public static partial void Chatter(ILogger logger, ulong messageId);

        [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Message {MessageId} answered ({Intent})")]
        public static partial void Answered(ILogger logger, ulong messageId, Intent intent);

        [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Reply to message {MessageId} could not be sent to channel {ChannelId}")]
        public static partial void SendFailed(ILogger logger, Exception exception, ulong messageId, ulong channelId);

        [LoggerMessage(EventId = 3305, Level = LogLevel.Error, Message = "Reply to message {MessageId} broke Discord's limits and was replaced: {Violations}")]
        public static partial void InvalidPayload(ILogger logger, ulong messageId, string violations);
    }
}
