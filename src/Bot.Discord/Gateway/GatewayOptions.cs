using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Bot.Discord.Gateway;

/// <summary>Gateway connection settings (bind from configuration, e.g. section <c>Discord:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Value of <see cref="ShardCount"/> meaning "use the count recommended by GET /gateway/bot".</summary>
    public const string AutoShardCount = "auto";

    /// <summary>Bot token, without the <c>Bot </c> prefix. Secret: never logged or echoed.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>Intents sent in Identify; build them with <see cref="GatewayIntentSets.ForBot"/>.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntentSets.ForBot(freeTextEnabled: false);

    /// <summary>Shard to run in this process; null runs every shard of the plan.</summary>
    [Range(0, int.MaxValue)]
    public int? ShardId { get; set; }

    /// <summary>
    /// Shards to run in this process when the shards are split across processes (see <see cref="ShardSelection"/>);
    /// takes precedence over <see cref="ShardId"/>. Null with no <see cref="ShardId"/> runs every shard.
    /// </summary>
    public IReadOnlyList<int>? ShardIds { get; set; }

    /// <summary>Total number of shards: <c>auto</c> (GET /gateway/bot recommendation) or a positive integer.</summary>
    [Required]
    public string ShardCount { get; set; } = AutoShardCount;

    /// <summary>Optional override of the gateway URL (ws:// or wss://); otherwise the URL from GET /gateway/bot.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Time allowed for connecting and receiving HELLO.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Identify connection properties.</summary>
    [Required]
    public GatewayIdentifyProperties IdentifyProperties { get; set; } = new();

    /// <summary>Dispatches buffered between the receive loop and the handlers; the oldest are dropped when full.</summary>
    [Range(16, 100_000)]
    public int DispatchQueueCapacity { get; set; } = 1024;

    /// <summary>Handler tasks per shard, so one slow handler does not hold up the others.</summary>
    [Range(1, 64)]
    public int DispatchConcurrency { get; set; } = 8;

    /// <summary>How many handled interaction/message ids are remembered to drop replays.</summary>
    [Range(16, 1_000_000)]
    public int DeduplicationCapacity { get; set; } = 10_000;

    /// <summary>How long a handled id is remembered (interaction tokens live 15 minutes).</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shard count as a number, or null for <c>auto</c>.</summary>
    public int? ParsedShardCount =>
        string.Equals(ShardCount.Trim(), AutoShardCount, StringComparison.OrdinalIgnoreCase)
            ? null
            : int.Parse(ShardCount, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>The <c>properties</c> object of Identify: operating system and library name.</summary>
public sealed class GatewayIdentifyProperties
{
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Os { get; set; } = DefaultOs();

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Browser { get; set; } = "Bot.Discord";

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Device { get; set; } = "Bot.Discord";

    private static string DefaultOs() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : "unknown";
}
