using System.Globalization;
using Bot.Discord.Gateway;
using Bot.DiscordAdapter.Http;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Configuration;

/// <summary>
/// Checks <see cref="DiscordBotOptions"/> at start. Every message says what to fix and never contains the token:
/// as a last guard, any text that would contain it is redacted.
/// </summary>
public sealed class DiscordBotOptionsValidator : IValidateOptions<DiscordBotOptions>
{
    private static readonly TimeSpan MaxCooldown = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxDeferAfter = TimeSpan.FromMilliseconds(2500);

    private readonly TokenResolution? _resolution;

    public DiscordBotOptionsValidator(TokenResolution? resolution = null) => _resolution = resolution;

    public ValidateOptionsResult Validate(string? name, DiscordBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateToken(options.Token, failures);
        ValidateShards(options, failures);
        ValidateSnowflake("Discord:ApplicationId", "an application id", options.ApplicationId, failures);
        ValidateSnowflake("Discord:DevelopmentGuildId", "a guild id", options.DevelopmentGuildId, failures);

        foreach (var id in DiscordBotOptions.SplitChannelIds(options.FreeTextChannelIds))
        {
            if (DiscordBotOptions.ParseSnowflake(id) is null)
            {
                failures.Add($"Discord:FreeTextChannelIds contains '{Shorten(id)}', which is not a channel id (a snowflake: a positive whole number such as 290926798999357250).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl.Trim(), UriKind.Absolute, out var gateway) || gateway.Scheme is not ("ws" or "wss")))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws:// or wss:// URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.RestBaseUrl)
            && (!Uri.TryCreate(options.RestBaseUrl.Trim(), UriKind.Absolute, out var rest) || rest.Scheme is not ("http" or "https")))
        {
            failures.Add("Discord:RestBaseUrl must be an absolute http:// or https:// URL including the API version, e.g. https://discord.com/api/v10.");
        }

        ValidateInteractionsEndpoint(options, failures);
        Range("Discord:UserCooldown", options.UserCooldown, TimeSpan.Zero, MaxCooldown, failures);
        Range("Discord:ChannelCooldown", options.ChannelCooldown, TimeSpan.Zero, MaxCooldown, failures);
        Range("Discord:DeferAfter", options.DeferAfter, TimeSpan.Zero, MaxDeferAfter, failures);
        Range("Discord:ShutdownTimeout", options.ShutdownTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1), failures);
        Range("Discord:HealthInterval", options.HealthInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), failures);
        Range("Discord:HealthMaxHeartbeatAge", options.HealthMaxHeartbeatAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), failures);
        Range("Discord:PagingLifetime", options.PagingLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), failures);

        var token = options.Token;
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => Redact(f, token)));
    }

    private static void ValidateInteractionsEndpoint(DiscordBotOptions options, List<string> failures)
    {
        if (!InteractionModes.TryParse(options.Mode, out var mode))
        {
            failures.Add($"Discord:Mode is '{Shorten(options.Mode ?? "")}'; use gateway (the default), http or both.");
            return;
        }

        if (mode != InteractionMode.Gateway && !Ed25519PublicKey.TryParse(options.PublicKey, out _))
        {
            failures.Add(string.IsNullOrWhiteSpace(options.PublicKey)
                ? $"Discord:PublicKey is required with Discord:Mode={options.Mode.Trim()}: copy the application's public key from the Developer Portal (General Information)."
                : $"Discord:PublicKey '{Shorten(options.PublicKey)}' is not a public key: it must be the 64 hexadecimal digits the Developer Portal shows.");
        }

        var http = options.Http;
        if (http.MaxBodyBytes is < 1024 or > 8 * 1024 * 1024)
        {
            failures.Add("Discord:Http:MaxBodyBytes must be between 1024 and 8388608.");
        }

        Range("Discord:Http:SignatureWindow", http.SignatureWindow, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), failures);
    }

    /// <summary>Shape check only: three non-empty base64url parts separated by dots.</summary>
    public static bool HasTokenShape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/>.</summary>
    public static string Redact(string text, string? secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(secret) || secret.Length < 8)
        {
            return text;
        }

        // Values are echoed shortened to 39 characters, so a token pasted into the wrong setting is caught by its prefix.
        var redacted = text.Replace(secret, "<redacted>", StringComparison.Ordinal);
        return secret.Length > 39 ? redacted.Replace(secret[..39], "<redacted>", StringComparison.Ordinal) : redacted;
    }

    private void ValidateToken(string token, List<string> failures)
    {
        if (_resolution?.Problem is { } problem)
        {
            failures.Add(problem);
            return;
        }

        var source = _resolution?.Source is { } s && s != "none" ? $" (from {s})" : string.Empty;
        if (string.IsNullOrWhiteSpace(token))
        {
            failures.Add("The Discord token is missing: set DISCORD_TOKEN, Discord__Token, user secrets (Discord:Token) or Discord__TokenFile.");
        }
        else if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"The Discord token{source} starts with an authorization prefix; configure the bare token (value not shown).");
        }
        else if (!HasTokenShape(token))
        {
            failures.Add($"The Discord token{source} is malformed: a bot token is three dot-separated base64url parts (value not shown).");
        }
    }

    private static void ValidateShards(DiscordBotOptions options, List<string> failures)
    {
        var countText = options.ShardCount?.Trim() ?? string.Empty;
        int? count = null;
        if (!string.Equals(countText, DiscordBotOptions.AutoShardCount, StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 100_000)
            {
                count = parsed;
            }
            else
            {
                failures.Add($"Discord:ShardCount must be 'auto' or a positive whole number; got '{Shorten(countText)}'.");
            }
        }

        var hasList = !string.IsNullOrWhiteSpace(options.ShardIds);
        var hasPodSlice = options.ShardsPerPod is not null;
        var ways = (options.ShardId is null ? 0 : 1) + (hasList ? 1 : 0) + (hasPodSlice ? 1 : 0);
        if (ways > 1)
        {
            failures.Add("Set only one of Discord:ShardId, Discord:ShardIds and Discord:ShardsPerPod: each says on its own which shards this process runs.");
            return;
        }

        if (ways == 1 && count is null)
        {
            var key = hasList ? "Discord:ShardIds" : hasPodSlice ? "Discord:ShardsPerPod" : "Discord:ShardId";
            failures.Add($"{key} needs an explicit Discord:ShardCount (not 'auto') to say which shards of how many this process runs.");
            return;
        }

        if (count is not { } total)
        {
            return;
        }

        if (options.ShardId is { } id && (id < 0 || id >= total))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Discord:ShardId must be at least 0 and below Discord:ShardCount ({total}); got {id}."));
        }

        if (hasList && !ShardSelection.TryParse(options.ShardIds, total, out _, out var listProblem))
        {
            failures.Add($"Discord:ShardIds is invalid: {listProblem}.");
        }

        if (hasPodSlice)
        {
            ValidatePodSlice(options, total, failures);
        }
    }

    private static void ValidatePodSlice(DiscordBotOptions options, int count, List<string> failures)
    {
        if (options.ShardsPerPod is not { } perPod || perPod < 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Discord:ShardsPerPod must be a positive whole number; got {options.ShardsPerPod}."));
            return;
        }

        if (options.PodOrdinal is < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Discord:PodOrdinal must be 0 or more; got {options.PodOrdinal}."));
            return;
        }

        if (options.ResolvePodOrdinal() is not { } ordinal)
        {
            failures.Add(string.IsNullOrWhiteSpace(options.PodName)
                ? "Discord:ShardsPerPod needs this pod's ordinal: set Discord:PodOrdinal (the label apps.kubernetes.io/pod-index) or Discord:PodName (metadata.name, ending in -<ordinal>)."
                : $"Discord:PodName '{Shorten(options.PodName)}' does not end in -<ordinal> (a StatefulSet pod name such as ds-reading-bot-gateway-0); set Discord:PodOrdinal instead.");
            return;
        }

        if (!ShardSelection.TryForPod(ordinal, perPod, count, out _, out var problem))
        {
            failures.Add($"Discord:ShardsPerPod with pod ordinal {ordinal.ToString(CultureInfo.InvariantCulture)}: {problem}.");
        }
    }

    private static void ValidateSnowflake(string key, string what, string? value, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && DiscordBotOptions.ParseSnowflake(value) is null)
        {
            failures.Add($"{key} must be {what} (a snowflake: a positive whole number); got '{Shorten(value)}'.");
        }
    }

    private static void Range(string key, TimeSpan value, TimeSpan min, TimeSpan max, List<string> failures)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be between {min} and {max}; got {value}."));
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";
}
