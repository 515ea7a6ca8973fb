using Bot.Discord.Gateway;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest.Responses;

namespace Bot.Discord.Rest;

/// <summary>
/// The Discord REST API v10 calls the bot makes. Implementations handle authentication, rate limits and retries;
/// payloads are checked with <see cref="MessageValidator"/> before sending.
/// </summary>
public interface IDiscordRestClient : IGatewayBotInfoProvider
{
    Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken);

    Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RegisteredCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegisteredCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken);

    /// <summary>Bulk overwrite: replaces ALL global commands of every type with <paramref name="commands"/>.</summary>
    Task<IReadOnlyList<RegisteredCommand>> OverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    /// <summary>Bulk overwrite of one guild's commands; takes effect instantly.</summary>
    Task<IReadOnlyList<RegisteredCommand>> OverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    /// <summary>The initial response; must happen within 3 seconds of receiving the interaction.</summary>
    Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken);

    /// <summary>
    /// The initial response with files (callback types 4 and 7 only), as <c>multipart/form-data</c>: each file becomes a
    /// <c>files[n]</c> part and an entry of <c>data.attachments</c>. Without files it is the JSON call above.
    /// </summary>
    Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken);

    /// <summary>Edits the initial response (e.g. to complete a deferred one); the token lives 15 minutes.</summary>
    Task<DiscordMessage> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>Edits the initial response and attaches <paramref name="files"/> (<c>multipart/form-data</c>).</summary>
    Task<DiscordMessage> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken);

    /// <summary>Deletes the original response, e.g. a public "thinking…" placeholder whose answer went out privately.</summary>
    Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken);

    Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>A follow-up message with <paramref name="files"/> attached (<c>multipart/form-data</c>).</summary>
    Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken);

    /// <summary>
    /// Posts to a channel; set <see cref="MessagePayload.MessageReference"/> to reply. A nonce is enforced on every create
    /// (one is generated when the payload has none), so a retry never posts the message twice.
    /// </summary>
    Task<DiscordMessage> CreateMessageAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken);
}
