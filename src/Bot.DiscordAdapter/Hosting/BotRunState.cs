using Microsoft.Extensions.Hosting;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>Records why the bot stopped on its own (a fatal gateway close, a rejected token) and stops the host.</summary>
public sealed class BotRunState
{
    private readonly IHostApplicationLifetime? _lifetime;
    private string? _fatalError;

    public BotRunState(IHostApplicationLifetime? lifetime = null) => _lifetime = lifetime;

    /// <summary>The first fatal error's message (never containing the token), or null.</summary>
    public string? FatalError => Volatile.Read(ref _fatalError);

    /// <summary>Records the error (the first one wins) and asks the host to stop.</summary>
    public void Fail(string message)
    {
        Interlocked.CompareExchange(ref _fatalError, message, null);
        _lifetime?.StopApplication();
    }
}
