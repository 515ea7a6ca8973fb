using Microsoft.Extensions.Logging;

namespace Bot.Discord.Rest;

/// <summary>REST client log events. Only route templates are logged, never paths, tokens or bodies.</summary>
internal static partial class DiscordRestLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "{Method} {Route} -> {Status} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string method, string route, int status, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Method} {Route}: bucket exhausted, waiting {DelayMs} ms")]
    public static partial void WaitingForBucket(ILogger logger, string method, string route, double delayMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Method} {Route}: global rate limit, waiting {DelayMs} ms")]
    public static partial void WaitingForGlobal(ILogger logger, string method, string route, double delayMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Method} {Route}: 429 rate limited (scope {Scope}, global {Global}), retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string method, string route, string scope, bool global, double retryAfterSeconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "{Method} {Route}: attempt {Attempt} failed ({Reason}), retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string route, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Critical, Message = "{Method} {Route}: 401 Unauthorized; the bot token is invalid and the REST client stops sending requests")]
    public static partial void Unauthorized(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "{Method} {Route}: webhook returned 404; it will not be used again")]
    public static partial void WebhookGone(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "{Method} {Route} failed: {Status} code {Code}: {ApiMessage}")]
    public static partial void ApiError(ILogger logger, string method, string route, int status, int? code, string? apiMessage);
}
