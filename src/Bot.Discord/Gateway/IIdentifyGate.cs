namespace Bot.Discord.Gateway;

/// <summary>
/// Decides when a shard may send Identify: Discord allows <c>max_concurrency</c> identifies per 5 s, one per bucket
/// <c>shard_id % max_concurrency</c>, and a daily session-start budget. <see cref="IdentifyGate"/> enforces this
/// within one process; an implementation over shared storage extends it across processes. Resumes do not go
/// through the gate.
/// </summary>
public interface IIdentifyGate
{
    /// <summary>Uses an already fetched GET /gateway/bot answer, saving a request.</summary>
    void Seed(GatewayBotInfo info);

    /// <summary>Waits until <paramref name="shardId"/> may identify; the turn is held until it is disposed.</summary>
    Task<IIdentifyTurn> AcquireAsync(int shardId, CancellationToken cancellationToken);
}

/// <summary>
/// A shard's turn to identify, taken before connecting. After <see cref="MarkIdentifySentAsync"/> the bucket stays
/// closed for the 5 s window; disposing a turn whose Identify was never sent opens the bucket again at once.
/// Disposing twice is harmless.
/// </summary>
public interface IIdentifyTurn : IAsyncDisposable
{
    /// <summary>The <c>max_concurrency</c> bucket: <c>shard_id % max_concurrency</c>.</summary>
    int Bucket { get; }

    /// <summary>Records that Identify went out now; the bucket's window starts here.</summary>
    ValueTask MarkIdentifySentAsync(CancellationToken cancellationToken);
}
