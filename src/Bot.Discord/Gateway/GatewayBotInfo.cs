namespace Bot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect, how many shards, and identify limits.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary><c>session_start_limit</c>: identifies left, when they reset (ms), and identifies allowed per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfterMilliseconds, int MaxConcurrency);

/// <summary>Source of gateway connection facts; the REST client implements it.</summary>
public interface IGatewayBotInfoProvider
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);
}
