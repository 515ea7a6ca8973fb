using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>Source-generated gateway log messages. None of them takes the token or an interaction token.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Gateway shard {ShardId}/{ShardCount} starting")]
    public static partial void ShardStarting(this ILogger logger, int shardId, int shardCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Gateway shard {ShardId} stopped")]
    public static partial void ShardStopped(this ILogger logger, int shardId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Shard {ShardId} connecting to {Host} (resume: {Resume})")]
    public static partial void Connecting(this ILogger logger, int shardId, string host, bool resume);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Shard {ShardId}: no HELLO within {Timeout}")]
    public static partial void HandshakeTimedOut(this ILogger logger, int shardId, TimeSpan timeout);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Shard {ShardId}: gateway handshake failed")]
    public static partial void HandshakeFailed(this ILogger logger, Exception exception, int shardId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Shard {ShardId}: identifying (shard count {ShardCount}, intents {Intents})")]
    public static partial void Identifying(this ILogger logger, int shardId, int shardCount, int intents);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Shard {ShardId}: resuming session at sequence {Sequence}")]
    public static partial void Resuming(this ILogger logger, int shardId, long sequence);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Shard {ShardId} ready: {GuildCount} guilds, application {ApplicationId}")]
    public static partial void Ready(this ILogger logger, int shardId, int guildCount, ulong applicationId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Shard {ShardId} resumed (sequence {Sequence})")]
    public static partial void Resumed(this ILogger logger, int shardId, long? sequence);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Shard {ShardId}: READY carried an unusable resume_gateway_url; resuming on the gateway URL")]
    public static partial void InvalidResumeUrl(this ILogger logger, int shardId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Trace, Message = "Shard {ShardId}: heartbeat sent (sequence {Sequence}, periodic {Periodic})")]
    public static partial void HeartbeatSent(this ILogger logger, int shardId, long? sequence, bool periodic);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Shard {ShardId}: gateway requested a heartbeat")]
    public static partial void HeartbeatRequested(this ILogger logger, int shardId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Shard {ShardId}: no heartbeat ACK since the previous heartbeat; closing zombie connection to resume")]
    public static partial void ZombieConnection(this ILogger logger, int shardId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Debug, Message = "Shard {ShardId}: heartbeat could not be sent ({ErrorType})")]
    public static partial void HeartbeatSendFailed(this ILogger logger, int shardId, string errorType);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Shard {ShardId}: gateway asked to reconnect (op 7)")]
    public static partial void ReconnectRequested(this ILogger logger, int shardId);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Shard {ShardId}: invalid session (resumable: {Resumable})")]
    public static partial void InvalidSession(this ILogger logger, int shardId, bool resumable);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Debug, Message = "Shard {ShardId}: ignoring opcode {Opcode}")]
    public static partial void UnknownOpcode(this ILogger logger, int shardId, int opcode);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Debug, Message = "Shard {ShardId}: ignoring opcode {Opcode} received before HELLO")]
    public static partial void UnexpectedBeforeHello(this ILogger logger, int shardId, int opcode);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Warning, Message = "Shard {ShardId}: unreadable gateway payload skipped")]
    public static partial void MalformedPayload(this ILogger logger, Exception exception, int shardId);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Warning, Message = "Shard {ShardId}: gateway closed the connection with {CloseCode} ({Description})")]
    public static partial void ServerClosed(this ILogger logger, int shardId, int? closeCode, string? description);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Shard {ShardId}: connection dropped without a close frame ({ErrorType})")]
    public static partial void ConnectionDropped(this ILogger logger, int shardId, string errorType);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Shard {ShardId}: connection attempt failed")]
    public static partial void ConnectionAttemptFailed(this ILogger logger, Exception exception, int shardId);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "Shard {ShardId}: reconnecting in {Delay}")]
    public static partial void Reconnecting(this ILogger logger, int shardId, TimeSpan delay);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Information, Message = "Shard {ShardId}: connection ended (close code {CloseCode}, {Reason}); resuming: {HasSession}")]
    public static partial void WillResume(this ILogger logger, int shardId, int? closeCode, string reason, bool hasSession);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Information, Message = "Shard {ShardId}: connection ended (close code {CloseCode}, {Reason}); starting a new session")]
    public static partial void WillReidentify(this ILogger logger, int shardId, int? closeCode, string reason);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Critical, Message = "Shard {ShardId} stopped by close code {CloseCode}: {Explanation}")]
    public static partial void FatalClose(this ILogger logger, int shardId, int closeCode, string explanation);

    [LoggerMessage(EventId = 1026, Level = LogLevel.Trace, Message = "Shard {ShardId}: dispatch {EventName} (sequence {Sequence}) not handled")]
    public static partial void DispatchIgnored(this ILogger logger, int shardId, string? eventName, long? sequence);

    [LoggerMessage(EventId = 1027, Level = LogLevel.Warning, Message = "Shard {ShardId}: could not read dispatch {EventName} (sequence {Sequence})")]
    public static partial void DispatchUnreadable(this ILogger logger, Exception exception, int shardId, string? eventName, long? sequence);

    [LoggerMessage(EventId = 1028, Level = LogLevel.Debug, Message = "Shard {ShardId}: duplicate {EventName} {Id} dropped")]
    public static partial void DuplicateDropped(this ILogger logger, int shardId, string eventName, ulong id);

    [LoggerMessage(EventId = 1029, Level = LogLevel.Warning, Message = "Shard {ShardId}: handlers are {Capacity} dispatches behind; dropped the oldest ({ItemType})")]
    public static partial void DispatchDropped(this ILogger logger, int shardId, string itemType, int capacity);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Error, Message = "Shard {ShardId}: {ItemType} handler failed")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, int shardId, string itemType);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Identify budget exhausted ({Total} per period); waiting {Delay} for the reset")]
    public static partial void IdentifyBudgetExhausted(this ILogger logger, int total, TimeSpan delay);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Debug, Message = "Shard {ShardId} waits {Delay} for identify bucket {Bucket}")]
    public static partial void IdentifyWaitingForBucket(this ILogger logger, int shardId, int bucket, TimeSpan delay);

    [LoggerMessage(EventId = 1033, Level = LogLevel.Information, Message = "Gateway plan: {ShardCount} shards, running {ShardIds}")]
    public static partial void ShardPlanResolved(this ILogger logger, int shardCount, string shardIds);

    [LoggerMessage(EventId = 1034, Level = LogLevel.Critical, Message = "Gateway shard {ShardId} failed; stopping all shards")]
    public static partial void ShardFailed(this ILogger logger, Exception exception, int shardId);
}
