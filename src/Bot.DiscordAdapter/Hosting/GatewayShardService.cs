using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>
/// Runs one gateway shard for the life of the host. Stopping cancels the shard, which closes with 1000.
/// A close the shard must not retry (4004, 4010-4014) or a rejected token stops the whole bot with its message.
/// </summary>
public sealed partial class GatewayShardService : BackgroundService
{
    private readonly GatewayShard _shard;
    private readonly BotRunState _runState;
    private readonly ILogger<GatewayShardService> _logger;

    public GatewayShardService(GatewayShard shard, BotRunState runState, ILogger<GatewayShardService> logger)
    {
        _shard = shard;
        _runState = runState;
        _logger = logger;
    }

    public GatewayShard Shard => _shard;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _shard.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (GatewayClosedException ex)
        {
            Log.Fatal(_logger, _shard.ShardId, ex.Message);
            _runState.Fail(ex.Message);
        }
        catch (DiscordUnauthorizedException)
        {
            Log.Fatal(_logger, _shard.ShardId, "Discord rejected the bot token (401)");
            _runState.Fail("Discord rejected the bot token (401 Unauthorized). Reset the token in the Developer Portal and update the configuration.");
        }
        catch (Exception ex)
        {
            Log.Crashed(_logger, ex, _shard.ShardId);
            _runState.Fail($"Gateway shard {_shard.ShardId} stopped unexpectedly ({ex.GetType().Name}).");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3600, Level = LogLevel.Critical, Message = "Gateway shard {ShardId} stopped: {Reason}")]
        public static partial void Fatal(ILogger logger, int shardId, string reason);

        [LoggerMessage(EventId = 3601, Level = LogLevel.Critical, Message = "Gateway shard {ShardId} crashed")]
        public static partial void Crashed(ILogger logger, Exception exception, int shardId);
    }
}
