using System.Globalization;

namespace Bot.Discord.Gateway;

/// <summary>
/// Discord closed the gateway with a code that must not be retried (4004, 4010-4014). The shard has stopped;
/// the message says what to fix and never contains the token.
/// </summary>
public sealed class GatewayClosedException : Exception
{
    public GatewayClosedException()
        : this(GatewayCloseCodes.UnknownError, "The Discord gateway closed the connection.")
    {
    }

    public GatewayClosedException(string message)
        : this(GatewayCloseCodes.UnknownError, message)
    {
    }

    public GatewayClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
        CloseCode = GatewayCloseCodes.UnknownError;
    }

    public GatewayClosedException(int closeCode, string message)
        : base(message)
    {
        CloseCode = closeCode;
    }

    /// <summary>The gateway close event code.</summary>
    public int CloseCode { get; }

    /// <summary>Builds the human message for a terminal close code, naming the intents involved for 4013/4014.</summary>
    public static GatewayClosedException ForCloseCode(int closeCode, int shardId, GatewayIntents requestedIntents)
    {
        var description = GatewayCloseCodes.Describe(closeCode) ?? "Unknown close code";
        var prefix = string.Create(
            CultureInfo.InvariantCulture, $"Discord gateway closed shard {shardId} with {closeCode} ({description}): ");
        var advice = closeCode switch
        {
            GatewayCloseCodes.AuthenticationFailed =>
                "the bot token was rejected. Reset the token in the Developer Portal and update the configuration.",
            GatewayCloseCodes.InvalidShard =>
                "the shard id/count are invalid. Use the shard count from GET /gateway/bot or 'auto'.",
            GatewayCloseCodes.ShardingRequired =>
                "the bot is in too many guilds for one connection. Set ShardCount to 'auto'.",
            GatewayCloseCodes.InvalidApiVersion =>
                "the gateway API version is not accepted.",
            GatewayCloseCodes.InvalidIntents =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the intents value {(int)requestedIntents} is invalid. Requested: {string.Join(", ", requestedIntents.ToDocumentedNames())}."),
            GatewayCloseCodes.DisallowedIntents => DisallowedIntentsAdvice(requestedIntents),
            _ => "the gateway refused the session; not reconnecting.",
        };
        return new GatewayClosedException(closeCode, prefix + advice);
    }

    private static string DisallowedIntentsAdvice(GatewayIntents requested)
    {
        var privileged = requested & GatewayIntentSets.Privileged;
        if (privileged == GatewayIntents.None)
        {
            return "a requested intent is not allowed for this application. Check the intents in the Developer Portal.";
        }

        var parts = privileged.ToDocumentedNames().Select(name => name == "MESSAGE_CONTENT"
            ? "MESSAGE_CONTENT is privileged: enable it in the Developer Portal or turn off free text"
            : $"{name} is privileged: enable it in the Developer Portal or stop requesting it");
        return string.Join("; ", parts) + ".";
    }
}
