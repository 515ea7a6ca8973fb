using System.Collections.Concurrent;
using System.Net;
using Bot.Discord.Gateway;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Rest.Responses;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>One call the bot made.</summary>
internal sealed record RestCall(string Operation, ulong? InteractionId, object? Body)
{
    public IReadOnlyList<FileUpload> Files { get; init; } = [];
}

/// <summary>An <see cref="IDiscordRestClient"/> that records calls and can fail them on script.</summary>
internal sealed class RecordingRestClient : IDiscordRestClient
{
    private readonly ConcurrentQueue<RestCall> _calls = new();
    private readonly ConcurrentQueue<Exception> _failures = new();

    public IReadOnlyList<RestCall> Calls => [.. _calls];

    public IReadOnlyList<InteractionResponse> Callbacks => [.. Calls.Where(c => c.Operation == "callback").Select(c => (InteractionResponse)c.Body!)];

    public IReadOnlyList<MessagePayload> Edits => [.. Calls.Where(c => c.Operation == "edit").Select(c => (MessagePayload)c.Body!)];

    /// <summary>The next REST call throws this (the call is still recorded).</summary>
    public void FailNext(Exception exception) => _failures.Enqueue(exception);

    public static DiscordApiException ApiError(int code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(status, code, "scripted", [], "POST", "/interactions/{interaction_id}/{interaction_token}/callback");

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayBotInfo("ws://127.0.0.1:1/", 1, new SessionStartLimit(1000, 999, 0, 1)));

    public Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) => Task.FromResult(new CurrentApplication { Id = 1 });

    public Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken) => Task.FromResult(new CurrentUser { Id = 2 });

    public Task<IReadOnlyList<RegisteredCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<RegisteredCommand>>("get-global", null, null, []);

    public Task<IReadOnlyList<RegisteredCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<RegisteredCommand>>("get-guild", null, null, []);

    public Task<IReadOnlyList<RegisteredCommand>> OverwriteGlobalCommandsAsync(ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<RegisteredCommand>>("put-global", null, commands, []);

    public Task<IReadOnlyList<RegisteredCommand>> OverwriteGuildCommandsAsync(ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<RegisteredCommand>>("put-guild", null, commands, []);

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        Record<object?>("callback", interactionId, response, null);

    public Task<DiscordMessage> EditOriginalResponseAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        Record("edit", null, message, new DiscordMessage { Id = 9 });

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken) =>
        Record<object?>("callback", interactionId, response, null, files);

    public Task<DiscordMessage> EditOriginalResponseAsync(ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken) =>
        Record("edit", null, message, new DiscordMessage { Id = 9 }, files);

    public Task<DiscordMessage> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken) =>
        Record("followup", null, message, new DiscordMessage { Id = 10 }, files);

    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken) =>
        Record<object?>("delete-original", null, null, null);

    public Task<DiscordMessage> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        Record("followup", null, message, new DiscordMessage { Id = 10 });

    public Task<DiscordMessage> CreateMessageAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken) =>
        Record("message", channelId, message, new DiscordMessage { Id = 11, ChannelId = channelId });

    private Task<T> Record<T>(string operation, ulong? id, object? body, T result, IReadOnlyList<FileUpload>? files = null)
    {
        _calls.Enqueue(new RestCall(operation, id, body) { Files = files ?? [] });
        return _failures.TryDequeue(out var failure) ? Task.FromException<T>(failure) : Task.FromResult(result);
    }
}
