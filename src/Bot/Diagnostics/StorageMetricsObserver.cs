using Bot.Discord.Diagnostics;
using Bot.Storage;

namespace Bot.Host.Diagnostics;

/// <summary>Storage transactions as the bot's database metrics: latency by operation and outcome, and errors.</summary>
internal sealed class StorageMetricsObserver(BotMetrics metrics) : IStorageObserver
{
    public void Completed(StorageOperation operation, TimeSpan elapsed, Exception? error) =>
        metrics.DatabaseTransaction(operation == StorageOperation.Read ? "read" : "write", elapsed, failed: error is not null);
}
