using Bot.Discord.Models.Outbound;
using Bot.DiscordAdapter.Interactions;

namespace Bot.DiscordAdapter.Http;

/// <summary>
/// The HTTP path's initial response: handed to the waiting request, which writes it as the response body and then
/// reports whether that worked. Once the request has stopped waiting (<see cref="TryClose"/>), a response is refused.
/// </summary>
public sealed class HttpInitialResponseChannel : IInitialResponseChannel
{
    private readonly TaskCompletionSource<InteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the response to write; cancelled once the request stopped waiting.</summary>
    public Task<InteractionResponse> Response => _response.Task;

    public async Task SendAsync(ulong interactionId, string token, InteractionResponse response, CancellationToken cancellationToken)
    {
        if (!_response.TrySetResult(response))
        {
            throw new InvalidOperationException("The HTTP request of this interaction has already been answered.");
        }

        await _written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops waiting: false when a response arrived first (then write it).</summary>
    public bool TryClose() => _response.TrySetCanceled();

    public void Written() => _written.TrySetResult();

    public void WriteFailed(Exception exception) => _written.TrySetException(exception);
}
