using System.Globalization;
using Bot.Discord.Gateway;

namespace Bot.DiscordAdapter.Configuration;

/// <summary>
/// Settings of the Discord bot (configuration section <c>Discord</c>). The token is a secret: it is never logged,
/// echoed in validation messages or included in <see cref="ToString"/>.
/// </summary>
public sealed class DiscordBotOptions
{
    public const string SectionName = "Discord";

    /// <summary>Plain environment variable that takes precedence over <c>Discord:Token</c>.</summary>
    public const string TokenEnvironmentVariable = "DISCORD_TOKEN";

    public const string AutoShardCount = "auto";

    /// <summary>The bot token (without the <c>Bot </c> prefix); filled from DISCORD_TOKEN, Discord:Token or <see cref="TokenFile"/>.</summary>
    public string Token { get; set; } = "";

    /// <summary>A file holding the token (Docker/Kubernetes secrets); surrounding whitespace is trimmed.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The application id; when empty it is taken from READY.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Guild to register the commands in (instant updates, for development); empty registers them globally.</summary>
    public string? DevelopmentGuildId { get; set; }

    /// <summary>
    /// Channels in which free text is answered (each entry may hold several ids separated by commas). Setting any
    /// requests the privileged MESSAGE_CONTENT intent. Mentions of the bot and DMs are answered everywhere.
    /// </summary>
    public List<string> FreeTextChannelIds { get; set; } = [];

    /// <summary>
    /// Requests the privileged MESSAGE_CONTENT intent even without <see cref="FreeTextChannelIds"/>, so the free-text
    /// channels servers choose with /config are answered (enable the intent in the Developer Portal first).
    /// </summary>
    public bool ServerFreeText { get; set; }

    /// <summary>Minimum time between two free-text answers to the same user.</summary>
    public TimeSpan UserCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum time between two free-text answers in the same channel.</summary>
    public TimeSpan ChannelCooldown { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How interactions arrive: <c>gateway</c> (a websocket per shard), <c>http</c> (Discord posts them to
    /// <c>POST /interactions</c>; no gateway connection, so no free text) or <c>both</c>.
    /// </summary>
    public string Mode { get; set; } = "gateway";

    /// <summary>The application's public key as the Developer Portal shows it (64 hex digits); needed for http and both.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Tuning of the HTTP listener (section <c>Discord:Http</c>).</summary>
    public InteractionsEndpointOptions Http { get; set; } = new();

    /// <summary><see cref="Mode"/>, parsed (valid only after validation).</summary>
    public InteractionMode ParsedMode => InteractionModes.TryParse(Mode, out var mode) ? mode : InteractionMode.Gateway;

    /// <summary>Shard run by this process; empty runs every shard.</summary>
    public int? ShardId { get; set; }

    /// <summary>
    /// Shards run by this process when the shards are split across processes: ids and ranges such as <c>0-3</c> or
    /// <c>4,5</c>, each below an explicit <see cref="ShardCount"/>.
    /// </summary>
    public string? ShardIds { get; set; }

    /// <summary>
    /// With <see cref="PodOrdinal"/> (or <see cref="PodName"/>): each StatefulSet pod runs this many consecutive
    /// shards, pod <c>n</c> from shard <c>n × ShardsPerPod</c>; <c>ceil(ShardCount / ShardsPerPod)</c> replicas cover all.
    /// </summary>
    public int? ShardsPerPod { get; set; }

    /// <summary>This pod's StatefulSet ordinal (Kubernetes' <c>apps.kubernetes.io/pod-index</c> label).</summary>
    public int? PodOrdinal { get; set; }

    /// <summary>This pod's name (<c>metadata.name</c>, e.g. <c>ds-reading-bot-gateway-3</c>); its numeric suffix is the ordinal when <see cref="PodOrdinal"/> is not set.</summary>
    public string? PodName { get; set; }

    /// <summary><c>auto</c> (the count recommended by GET /gateway/bot) or a positive number.</summary>
    public string ShardCount { get; set; } = AutoShardCount;

    /// <summary>Overrides the gateway URL from GET /gateway/bot (ws:// or wss://).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Overrides the REST API root including the version, e.g. a proxy's <c>https://proxy/api/v10</c>.</summary>
    public string? RestBaseUrl { get; set; }

    /// <summary>File touched while the gateway is connected and heartbeating (Docker HEALTHCHECK); empty disables it.</summary>
    public string? HealthFile { get; set; } = Path.Combine(Path.GetTempPath(), "bot-healthy");

    /// <summary>How often the health file is refreshed.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A heartbeat ACK older than this makes the bot unhealthy (Discord heartbeats about every 41 s).</summary>
    public TimeSpan HealthMaxHeartbeatAge { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long, from local receipt, the bot waits for a reply before deferring an interaction. Discord's 3 s count
    /// from when it sent the event, so this stays well below 3 s. A reply that cannot even start because every
    /// processor is busy with others (a burst) is deferred at once.
    /// </summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long in-flight interactions may take to finish on shutdown.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a reply its "More" button keeps working.</summary>
    public TimeSpan PagingLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Free-text channel ids, parsed (valid only after validation).</summary>
    public IReadOnlySet<ulong> ParsedFreeTextChannelIds =>
        SplitChannelIds(FreeTextChannelIds)
            .Select(id => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0UL)
            .Where(value => value != 0)
            .ToHashSet();

    public bool FreeTextChannelsConfigured => ParsedFreeTextChannelIds.Count > 0;

    public ulong? ParsedApplicationId => ParseSnowflake(ApplicationId);

    /// <summary>
    /// The shards this process runs from <see cref="ShardIds"/> or the pod settings; null when neither is set (then
    /// <see cref="ShardId"/> or every shard). Valid only after validation.
    /// </summary>
    public IReadOnlyList<int>? ResolveShardIds()
    {
        if (!int.TryParse(ShardCount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(ShardIds))
        {
            return ShardSelection.TryParse(ShardIds, count, out var listed, out _) ? listed : null;
        }

        return ShardsPerPod is { } perPod && ResolvePodOrdinal() is { } ordinal
            && ShardSelection.TryForPod(ordinal, perPod, count, out var slice, out _) ? slice : null;
    }

    /// <summary><see cref="PodOrdinal"/>, else the numeric suffix of <see cref="PodName"/>.</summary>
    public int? ResolvePodOrdinal() =>
        PodOrdinal ?? (ShardSelection.TryParsePodOrdinal(PodName, out var ordinal) ? ordinal : null);

    public ulong? ParsedDevelopmentGuildId => ParseSnowflake(DevelopmentGuildId);

    public override string ToString() =>
        $"DiscordBotOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "<missing>" : "<redacted>")}, ApplicationId = {ApplicationId}, " +
        $"DevelopmentGuildId = {DevelopmentGuildId}, FreeTextChannels = {ParsedFreeTextChannelIds.Count}, ShardId = {ShardId}, ShardIds = {ShardIds}, ShardsPerPod = {ShardsPerPod}, PodOrdinal = {ResolvePodOrdinal()}, ShardCount = {ShardCount} }}";

    internal static IEnumerable<string> SplitChannelIds(IEnumerable<string?> entries) =>
        entries.SelectMany(e => (e ?? "").Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    internal static ulong? ParseSnowflake(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value != 0 ? value
        : null;
}
