using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>
/// Where an interaction's initial response goes: a REST callback for interactions received over the gateway, the
/// HTTP response body for interactions Discord posted to our endpoint. Edits and follow-ups always go by REST.
/// </summary>
public interface IInitialResponseChannel
{
    /// <summary>Sends the response; completes when it is out, throws when it could not be sent.</summary>
    Task SendAsync(ulong interactionId, string token, InteractionResponse response, CancellationToken cancellationToken);
}

/// <summary>The gateway path: <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed class RestInitialResponseChannel(IDiscordRestClient rest) : IInitialResponseChannel
{
    public Task SendAsync(ulong interactionId, string token, InteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interactionId, token, response, cancellationToken);
}
