using Bot.Discord.Rest;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Commands;

/// <summary>
/// Registers the commands once per process: at start when the application id is configured, else on the first
/// READY. A failed attempt is logged and retried on the next READY; a rejected token stops the bot.
/// </summary>
public sealed partial class CommandRegistrationCoordinator
{
    private readonly CommandRegistrar _registrar;
    private readonly ulong? _guildId;
    private readonly BotRunState _runState;
    private readonly ILogger<CommandRegistrationCoordinator> _logger;
    private int _state;

    public CommandRegistrationCoordinator(
        CommandRegistrar registrar, IOptions<DiscordBotOptions> options, BotRunState runState, ILogger<CommandRegistrationCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _registrar = registrar;
        _guildId = options.Value.ParsedDevelopmentGuildId;
        _runState = runState;
        _logger = logger;
    }

    public bool IsRegistered => Volatile.Read(ref _state) == 2;

    /// <summary>Registers unless already done or under way. Never throws except for cancellation.</summary>
    public async Task EnsureRegisteredAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await _registrar.EnsureRegisteredAsync(applicationId, _guildId, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _state, 2);
        }
        catch (DiscordUnauthorizedException ex)
        {
            Volatile.Write(ref _state, 0);
            Log.TokenRejected(_logger, ex.Message);
            _runState.Fail("Discord rejected the bot token (401 Unauthorized) while registering commands. Reset the token in the Developer Portal and update the configuration.");
        }
        catch (Exception ex) when (ex is DiscordException or System.Text.Json.JsonException)
        {
            Volatile.Write(ref _state, 0);
            Log.Failed(_logger, ex);
        }
        catch
        {
            Volatile.Write(ref _state, 0);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3500, Level = LogLevel.Error, Message = "Slash commands could not be registered; retrying on the next READY")]
        public static partial void Failed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3501, Level = LogLevel.Critical, Message = "Token rejected while registering commands: {Reason}")]
        public static partial void TokenRejected(ILogger logger, string reason);
    }
}
