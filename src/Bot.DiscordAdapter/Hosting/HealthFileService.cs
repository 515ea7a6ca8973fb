using System.Globalization;
using Bot.DiscordAdapter.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Hosting;

/// <summary>
/// Touches the health file while every shard is connected and heartbeating, so a container health check can
/// test its age (e.g. <c>find /tmp/bot-healthy -mmin -1</c>). The file is removed on shutdown.
/// </summary>
public sealed partial class HealthFileService : BackgroundService
{
    private readonly ShardRegistry _shards;
    private readonly TimeProvider _time;
    private readonly ILogger<HealthFileService> _logger;
    private readonly string? _path;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _maxHeartbeatAge;
    private bool _lastHealthy;

    public HealthFileService(ShardRegistry shards, IOptions<DiscordBotOptions> options, TimeProvider time, ILogger<HealthFileService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _shards = shards;
        _time = time;
        _logger = logger;
        _path = string.IsNullOrWhiteSpace(options.Value.HealthFile) ? null : options.Value.HealthFile;
        _interval = options.Value.HealthInterval;
        _maxHeartbeatAge = options.Value.HealthMaxHeartbeatAge;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_path is not null)
        {
            TryDelete(_path);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_path is null)
        {
            return;
        }

        TryDelete(_path);
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                Check(_path);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Check(string path)
    {
        var now = _time.GetUtcNow();
        var healthy = _shards.IsHealthy(now, _maxHeartbeatAge);
        if (healthy != _lastHealthy)
        {
            Log.HealthChanged(_logger, healthy);
            _lastHealthy = healthy;
        }

        if (!healthy)
        {
            return;
        }

        try
        {
            File.WriteAllText(path, now.ToString("O", CultureInfo.InvariantCulture));
            File.SetLastWriteTimeUtc(path, now.UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.WriteFailed(_logger, ex, path);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.WriteFailed(_logger, ex, path);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3700, Level = LogLevel.Information, Message = "Health: {Healthy}")]
        public static partial void HealthChanged(ILogger logger, bool healthy);

        [LoggerMessage(EventId = 3701, Level = LogLevel.Warning, Message = "Health file {Path} could not be written or removed")]
        public static partial void WriteFailed(ILogger logger, Exception exception, string path);
    }
}
