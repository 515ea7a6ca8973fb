using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Commands;

/// <summary>What registration did.</summary>
public enum CommandRegistrationOutcome
{
    Unchanged,
    Overwritten,
}

/// <summary>
/// Makes Discord's commands match <see cref="BotCommands.All"/>: reads them (GET), compares by meaning, and writes
/// the whole set (bulk PUT) only when something differs, since every PUT of a new command counts toward the daily
/// create limit. Guild scope when a development guild is given (instant), else global.
/// </summary>
public sealed partial class CommandRegistrar
{
    private readonly IDiscordRestClient _rest;
    private readonly ILogger<CommandRegistrar> _logger;

    public CommandRegistrar(IDiscordRestClient rest, ILogger<CommandRegistrar> logger)
    {
        _rest = rest;
        _logger = logger;
    }

    public async Task<CommandRegistrationOutcome> EnsureRegisteredAsync(
        ulong applicationId, ulong? guildId, CancellationToken cancellationToken, IReadOnlyList<ApplicationCommand>? commands = null)
    {
        commands ??= BotCommands.All;
        var scope = guildId is { } g ? $"guild {g}" : "global";
        var registered = guildId is { } target
            ? await _rest.GetGuildCommandsAsync(applicationId, target, cancellationToken).ConfigureAwait(false)
            : await _rest.GetGlobalCommandsAsync(applicationId, cancellationToken).ConfigureAwait(false);
        var differences = CommandComparer.Differences(commands, registered);
        if (differences.Count == 0)
        {
            Log.UpToDate(_logger, commands.Count, scope);
            return CommandRegistrationOutcome.Unchanged;
        }

        Log.Overwriting(_logger, scope, string.Join("; ", differences));
        if (guildId is { } guild)
        {
            await _rest.OverwriteGuildCommandsAsync(applicationId, guild, commands, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _rest.OverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken).ConfigureAwait(false);
        }

        Log.Overwritten(_logger, commands.Count, scope);
        return CommandRegistrationOutcome.Overwritten;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Slash commands up to date ({Count} commands, {Scope}); nothing written")]
        public static partial void UpToDate(ILogger logger, int count, string scope);

        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Slash commands changed ({Scope}): {Differences}")]
        public static partial void Overwriting(ILogger logger, string scope, string differences);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Slash commands registered ({Count} commands, {Scope})")]
        public static partial void Overwritten(ILogger logger, int count, string scope);
    }
}
