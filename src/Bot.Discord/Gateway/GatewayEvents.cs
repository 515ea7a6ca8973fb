using Bot.Discord.Models.Inbound;

namespace Bot.Discord.Gateway;

/// <summary>
/// Receives gateway dispatches. Calls run on the shard's dispatch workers (dedicated threads, up to
/// <see cref="GatewayOptions.DispatchConcurrency"/> at once), off the receive loop and heartbeat timer;
/// each interaction and message id is delivered once even when the gateway replays it after a resume.
/// Exceptions are logged and do not stop the shard.
/// </summary>
public interface IGatewayEventHandler
{
    /// <summary>A new session is ready (after Identify, not after Resume).</summary>
    Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken);

    /// <summary>An interaction arrived; answer it over HTTP within 3 s of <see cref="GatewayReceipt.ReceivedTimestamp"/>.</summary>
    Task OnInteractionCreateAsync(InteractionCreateEvent interactionCreate, CancellationToken cancellationToken);

    /// <summary>A message was created (needs GUILD_MESSAGES / DIRECT_MESSAGES; content needs MESSAGE_CONTENT).</summary>
    Task OnMessageCreateAsync(MessageCreateEvent messageCreate, CancellationToken cancellationToken);
}

/// <summary>Where and when a dispatch was received.</summary>
/// <param name="ShardId">Shard that received it.</param>
/// <param name="Sequence">Its gateway sequence number.</param>
/// <param name="ReceivedTimestamp">
/// Local receipt time from the shard's <see cref="TimeProvider.GetTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp with the system provider), taken when the frame was fully read, before parsing.
/// </param>
public readonly record struct GatewayReceipt(int ShardId, long? Sequence, long ReceivedTimestamp)
{
    /// <summary>Time since receipt, measured with the same provider the shard used (system by default).</summary>
    public TimeSpan GetElapsed(TimeProvider? timeProvider = null) =>
        (timeProvider ?? TimeProvider.System).GetElapsedTime(ReceivedTimestamp);
}

/// <summary>INTERACTION_CREATE with its receipt.</summary>
public sealed record InteractionCreateEvent(Interaction Interaction, GatewayReceipt Receipt);

/// <summary>MESSAGE_CREATE with its receipt.</summary>
public sealed record MessageCreateEvent(Message Message, GatewayReceipt Receipt);

/// <summary>The current session of a shard, from READY.</summary>
public sealed record GatewaySessionInfo(string SessionId, Uri ResumeGatewayUrl, ulong ApplicationId, ulong BotUserId);
