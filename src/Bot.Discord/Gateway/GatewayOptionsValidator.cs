using System.Globalization;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>Checks of <see cref="GatewayOptions"/> beyond data annotations. Messages never contain the token.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Gateway Token is required.");
        }
        else if (!IsPlausibleBotToken(options.Token))
        {
            failures.Add(
                "Gateway Token does not look like a bot token: expected three dot-separated base64url segments " +
                "without whitespace or a 'Bot ' prefix.");
        }

        var unknownIntents = options.Intents & ~GatewayIntentSets.AllDocumented;
        if (unknownIntents != GatewayIntents.None)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Gateway Intents contain undocumented bits (0x{(int)unknownIntents:X}); Discord would close with 4013."));
        }

        int? shardCount = null;
        var countText = options.ShardCount?.Trim() ?? "";
        if (!string.Equals(countText, GatewayOptions.AutoShardCount, StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                shardCount = parsed;
            }
            else
            {
                failures.Add("Gateway ShardCount must be 'auto' or a positive integer.");
            }
        }

        if (options.ShardId is { } shardId && (shardId < 0 || shardId >= shardCount))
        {
            failures.Add("Gateway ShardId must be at least 0 and below ShardCount.");
        }

        if (options.ShardIds is { } shardIds && shardIds.Any(id => id < 0 || id >= shardCount))
        {
            failures.Add("Gateway ShardIds must all be at least 0 and below ShardCount.");
        }

        if (options.GatewayUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "wss" && uri.Scheme != "ws")))
        {
            failures.Add("Gateway GatewayUrl must be an absolute ws:// or wss:// URL.");
        }

        if (options.HandshakeTimeout <= TimeSpan.Zero || options.HandshakeTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Gateway HandshakeTimeout must be positive and at most 5 minutes.");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Gateway DeduplicationWindow must be positive.");
        }

        if (options.IdentifyProperties is not { } properties)
        {
            failures.Add("Gateway IdentifyProperties are required.");
        }
        else if (!IsPropertyValue(properties.Os) || !IsPropertyValue(properties.Browser) || !IsPropertyValue(properties.Device))
        {
            failures.Add("Gateway IdentifyProperties Os, Browser and Device must be 1-100 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Shape check only: three non-empty base64url segments separated by dots.</summary>
    public static bool IsPlausibleBotToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is < 30 or > 512)
        {
            return false;
        }

        var segments = token.Split('.');
        return segments.Length == 3 && segments.All(s => s.Length > 0 && s.All(IsBase64UrlChar));
    }

    private static bool IsPropertyValue(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= 100;

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
