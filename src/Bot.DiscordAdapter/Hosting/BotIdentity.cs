using Bot.Discord.Models.Inbound;
using Bot.DiscordAdapter.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>Who the bot is: the application id (configured or from READY) and the bot user id (from READY).</summary>
public sealed class BotIdentity
{
    private readonly TaskCompletionSource<ulong> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _botUserId;

    public BotIdentity(IOptions<DiscordBotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.ParsedApplicationId is { } configured)
        {
            _applicationId.TrySetResult(configured);
        }
    }

    public ulong? ApplicationId => _applicationId.Task.IsCompletedSuccessfully ? _applicationId.Task.Result : null;

    public ulong? BotUserId => Interlocked.Read(ref _botUserId) is var id && id != 0 ? (ulong)id : null;

    public void OnReady(ReadyEvent ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        Interlocked.Exchange(ref _botUserId, (long)ready.User.Id);
        _applicationId.TrySetResult(ready.Application.Id);
    }

    public Task<ulong> WaitForApplicationIdAsync(CancellationToken cancellationToken) => _applicationId.Task.WaitAsync(cancellationToken);
}
