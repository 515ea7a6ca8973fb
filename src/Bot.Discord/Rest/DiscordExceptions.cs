using System.Net;

namespace Bot.Discord.Rest;

/// <summary>Base of every error the Discord REST client raises. Messages never contain tokens.</summary>
public abstract class DiscordException : Exception
{
    protected DiscordException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Documented JSON error codes the bot reacts to (OPC "JSON Error Codes").</summary>
public static class DiscordErrorCodes
{
    public const int General = 0;
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int MaxDailyApplicationCommandCreates = 30034;
    public const int RequestEntityTooLarge = 40005;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
}

/// <summary>One entry of a 50035 error's <c>errors</c> tree, flattened: <c>data.embeds.0.title</c>.</summary>
public sealed record DiscordFieldError(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A non-success answer from Discord, with its JSON error body parsed.</summary>
public class DiscordApiException : DiscordException
{
    public DiscordApiException(
        HttpStatusCode status, int? code, string? apiMessage, IReadOnlyList<DiscordFieldError> errors, string method, string route)
        : base(Describe(status, code, apiMessage, errors, method, route))
    {
        Status = status;
        Code = code;
        ApiMessage = apiMessage;
        Errors = errors;
        Method = method;
        Route = route;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (e.g. 50035, 40060, 10062) when the body carried one.</summary>
    public int? Code { get; }

    public string? ApiMessage { get; }

    /// <summary>Flattened field errors (50035 Invalid Form Body); empty otherwise.</summary>
    public IReadOnlyList<DiscordFieldError> Errors { get; }

    public string Method { get; }

    /// <summary>Route template, e.g. <c>/interactions/{interaction_id}/{interaction_token}/callback</c>.</summary>
    public string Route { get; }

    public bool IsUnknownInteraction => Code == DiscordErrorCodes.UnknownInteraction;

    public bool IsInteractionAlreadyAcknowledged => Code == DiscordErrorCodes.InteractionAlreadyAcknowledged;

    private static string Describe(
        HttpStatusCode status, int? code, string? apiMessage, IReadOnlyList<DiscordFieldError> errors, string method, string route)
    {
        var text = $"Discord returned {(int)status} {status} for {method} {route}";
        if (code is not null)
        {
            text += $": {code} {apiMessage}";
        }
        else if (!string.IsNullOrEmpty(apiMessage))
        {
            text += $": {apiMessage}";
        }

        return errors.Count == 0 ? text : text + " (" + string.Join("; ", errors) + ")";
    }
}

/// <summary>
/// 401: the token is invalid. The client stops using it and every later call throws this without a request.
/// </summary>
public sealed class DiscordUnauthorizedException : DiscordApiException
{
    public DiscordUnauthorizedException(int? code, string? apiMessage, string method, string route, bool refusedLocally)
        : base(HttpStatusCode.Unauthorized, code, refusedLocally ? "client disabled after an earlier 401 Unauthorized; no request sent" : apiMessage, [], method, route)
    {
        RefusedLocally = refusedLocally;
    }

    /// <summary>True when the call was refused without contacting Discord.</summary>
    public bool RefusedLocally { get; }
}

/// <summary>A rate limit that could not be waited out within the configured bounds.</summary>
public sealed class DiscordRateLimitedException : DiscordException
{
    public DiscordRateLimitedException(string method, string route, TimeSpan retryAfter, string? scope, bool global)
        : base($"Rate limited on {method} {route} (scope {scope ?? "unknown"}, global {global}); retry after {retryAfter.TotalSeconds:0.###} s")
    {
        Method = method;
        Route = route;
        RetryAfter = retryAfter;
        Scope = scope;
        IsGlobal = global;
    }

    public string Method { get; }

    public string Route { get; }

    public TimeSpan RetryAfter { get; }

    /// <summary><c>user</c>, <c>global</c> or <c>shared</c> (<c>X-RateLimit-Scope</c>), when given.</summary>
    public string? Scope { get; }

    public bool IsGlobal { get; }
}

/// <summary>The payload broke a documented limit and was not sent.</summary>
public sealed class DiscordPayloadValidationException : DiscordException
{
    public DiscordPayloadValidationException(string method, string route, IReadOnlyList<Models.Outbound.PayloadViolation> violations)
        : base($"Refusing to send an invalid payload to {method} {route}: " + string.Join("; ", violations))
    {
        Violations = violations;
    }

    public IReadOnlyList<Models.Outbound.PayloadViolation> Violations { get; }
}

/// <summary>
/// The webhook (interaction token) answered 404 before; Discord asks clients not to use it again (RL).
/// </summary>
public sealed class DiscordWebhookUnavailableException : DiscordException
{
    public DiscordWebhookUnavailableException(string method, string route)
        : base($"Not calling {method} {route}: this webhook returned 404 earlier and must not be used again")
    {
    }
}

/// <summary>Discord could not be reached (timeouts, connection failures) after all retries.</summary>
public sealed class DiscordTransportException : DiscordException
{
    public DiscordTransportException(string method, string route, int attempts, Exception inner)
        : base($"{method} {route} failed after {attempts} attempt(s): {inner.GetType().Name}", inner)
    {
    }
}
