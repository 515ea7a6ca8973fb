namespace Bot.Storage;

/// <summary>Whether a storage transaction only read or also wrote.</summary>
public enum StorageOperation
{
    Read,
    Write,
}

/// <summary>
/// Told of every storage transaction as it ends: how long it took and whether it failed. The host turns this into
/// the database latency and error metrics; storage itself knows nothing of metrics.
/// </summary>
public interface IStorageObserver
{
    void Completed(StorageOperation operation, TimeSpan elapsed, Exception? error);
}

/// <summary>The observer when nobody watches.</summary>
public sealed class NoStorageObserver : IStorageObserver
{
    public static NoStorageObserver Instance { get; } = new();

    public void Completed(StorageOperation operation, TimeSpan elapsed, Exception? error)
    {
    }
}
