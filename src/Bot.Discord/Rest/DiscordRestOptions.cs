using System.ComponentModel.DataAnnotations;

namespace Bot.Discord.Rest;

/// <summary>Configuration of <see cref="DiscordRestClient"/>. <see cref="ToString"/> never reveals the token.</summary>
public sealed class DiscordRestOptions
{
    public const string SectionName = "Discord:Rest";

    public static readonly Uri DefaultBaseUrl = new("https://discord.com/api/v10");

    /// <summary>The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c>.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>API root including the version; override for tests or a REST proxy.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The <c>$url</c> part of <c>User-Agent: DiscordBot ($url, $versionNumber)</c>.</summary>
    [Required]
    public string UserAgentUrl { get; set; } = "https://github.com/";

    [Required]
    public string UserAgentVersion { get; set; } = "1.0";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after 5xx responses, timeouts and connection failures (not counting 429 waits).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled per retry, plus up to the same amount of random jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many 429 responses one call may absorb (waiting each time) before it fails.</summary>
    [Range(0, 10)]
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>
    /// Longest rate-limit wait a call accepts. A longer wait throws <see cref="DiscordRateLimitedException"/>
    /// instead, because an interaction token or a user's patience would expire first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Proactive global limit; interaction endpoints are exempt (RL "Global Rate Limit").</summary>
    [Range(1, 10_000)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    public override string ToString() =>
        $"DiscordRestOptions {{ BaseUrl = {BaseUrl}, Token = {(string.IsNullOrEmpty(Token) ? "<missing>" : "<redacted>")}, " +
        $"UserAgent = DiscordBot ({UserAgentUrl}, {UserAgentVersion}), RequestTimeout = {RequestTimeout}, MaxRetries = {MaxRetries} }}";
}
