using System.Text.Json.Nodes;
using Bot.Discord.Gateway;

namespace Bot.Discord.Testing;

/// <summary>
/// Gateway payloads from the protocol checklist (verbatim docs examples; READY constructed from the docs' field
/// table) and helpers that vary ids so scenarios can tell events apart.
/// </summary>
public static class FakeGatewayFixtures
{
    /// <summary>HELLO (GW, GWE).</summary>
    public const string Hello = """{"op": 10, "d": {"heartbeat_interval": 45000}}""";

    /// <summary>Heartbeat ACK (GW).</summary>
    public const string HeartbeatAck = """{"op": 11}""";

    /// <summary>Reconnect (GWE).</summary>
    public const string Reconnect = """{"op": 7, "d": null}""";

    /// <summary>Invalid Session (GWE).</summary>
    public const string InvalidSession = """{"op": 9, "d": false}""";

    /// <summary>GET /gateway/bot example response (GW).</summary>
    public const string GatewayBot =
        """{"url": "wss://gateway.discord.gg/", "shards": 9, "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}}""";

    /// <summary>READY constructed from the docs' field table (the docs give no example payload).</summary>
    public const string Ready = """
        {"op": 0, "s": 1, "t": "READY", "d": {"v": 10, "user": {"id": "80351110224678912", "username": "Nelly", "discriminator": "1337", "avatar": "8342729096ea3675442027381ff50dfe", "bot": true},
         "guilds": [{"id": "41771983423143937", "unavailable": true}], "session_id": "evenmorerandomstring",
         "resume_gateway_url": "wss://gateway.discord.gg", "shard": [0, 1], "application": {"id": "775799577604522054", "flags": 0}}}
        """;

    /// <summary>Docs "Example Interaction" (slash command with options); the <c>d</c> of INTERACTION_CREATE.</summary>
    public const string InteractionCreate = """
        {"type": 2, "token": "A_UNIQUE_TOKEN",
         "member": {"user": {"id": "53908232506183680", "username": "Mason", "avatar": "a_d5efa99b3eeaa7dd43acca82f5692432", "discriminator": "1337", "public_flags": 131141},
          "roles": ["539082325061836999"], "premium_since": null, "permissions": "2147483647", "pending": false, "nick": null,
          "mute": false, "joined_at": "2017-03-13T19:19:14.040000+00:00", "is_pending": false, "deaf": false},
         "id": "786008729715212338", "guild_id": "290926798626357999", "app_permissions": "442368", "guild_locale": "en-US", "locale": "en-US",
         "data": {"options": [{"type": 3, "name": "cardname", "value": "The Gitrog Monster"}], "type": 1, "name": "cardsearch", "id": "771825006014889984"},
         "channel_id": "645027906669510667"}
        """;

    /// <summary>Docs autocomplete interaction (partial).</summary>
    public const string AutocompleteInteraction = """
        {"type": 4, "data": {"id": "816437322781949972", "name": "airhorn", "type": 1, "version": "847194950382780532", "options": [{"type": 3, "name": "variant", "value": "data a user is typ", "focused": true}]}}
        """;

    /// <summary>Docs "Example Message"; the <c>d</c> of MESSAGE_CREATE.</summary>
    public const string MessageCreate = """
        {"reactions": [{"count": 1, "count_details": {"burst": 0, "normal": 1}, "me": false, "me_burst": false, "emoji": {"id": null, "name": "🔥"}, "burst_colors": []}],
         "attachments": [], "tts": false, "embeds": [], "timestamp": "2017-07-11T17:27:07.299000+00:00", "mention_everyone": false,
         "id": "334385199974967042", "pinned": false, "edited_timestamp": null,
         "author": {"username": "Mason", "discriminator": "9999", "id": "53908099506183680", "avatar": "a_bab14f271d565501444b2ca3be944b25"},
         "mention_roles": [], "content": "Supa Hot", "channel_id": "290926798999357250", "mentions": [], "type": 0}
        """;

    public const ulong InteractionId = 786008729715212338;
    public const ulong MessageId = 334385199974967042;
    public const ulong BotUserId = 80351110224678912;
    public const ulong ApplicationId = 775799577604522054;

    /// <summary>The READY <c>d</c> with the given session id, resume URL and shard.</summary>
    public static JsonObject ReadyData(string sessionId, Uri resumeGatewayUrl, JsonNode? shard = null)
    {
        var copy = JsonNode.Parse(JsonNode.Parse(Ready)!["d"]!.ToJsonString())!.AsObject();
        copy["session_id"] = sessionId;
        copy["resume_gateway_url"] = resumeGatewayUrl.GetLeftPart(UriPartial.Path);
        if (shard is not null)
        {
            copy["shard"] = JsonNode.Parse(shard.ToJsonString());
        }

        return copy;
    }

    /// <summary>The docs' example interaction, with another id (and matching token) when given.</summary>
    public static JsonObject Interaction(ulong? id = null)
    {
        var data = JsonNode.Parse(InteractionCreate)!.AsObject();
        if (id is { } value)
        {
            data["id"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            data["token"] = $"A_UNIQUE_TOKEN_{value}";
        }

        return data;
    }

    /// <summary>The docs' example message, with another id and content when given.</summary>
    public static JsonObject Message(ulong? id = null, string? content = null)
    {
        var data = JsonNode.Parse(MessageCreate)!.AsObject();
        if (id is { } value)
        {
            data["id"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (content is not null)
        {
            data["content"] = content;
        }

        return data;
    }

    /// <summary>A GET /gateway/bot answer pointing at a fake gateway (fixture limits, the given shard count).</summary>
    public static GatewayBotInfo GatewayBotInfo(Uri url, int shards = 1, int remaining = 999, int maxConcurrency = 1) =>
        new(url.ToString(), shards, new SessionStartLimit(1000, remaining, 14_400_000, maxConcurrency));
}

/// <summary>An <see cref="IGatewayBotInfoProvider"/> returning a fixed answer and counting calls.</summary>
public sealed class FakeGatewayBotInfoProvider(GatewayBotInfo info) : IGatewayBotInfoProvider
{
    private int _calls;

    public GatewayBotInfo Info { get; set; } = info;

    public int Calls => Volatile.Read(ref _calls);

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Info);
    }
}
