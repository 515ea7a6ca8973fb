using System.Text.Json;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Rest;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>Builds inbound models from JSON, as the gateway delivers them.</summary>
internal static class Inbound
{
    public const ulong AppId = 775799577604522054;
    public const ulong BotId = 80351110224678912;
    public const ulong UserId = 53908232506183680;
    public const ulong OtherUserId = 53908232506183681;
    public const ulong ChannelId = 645027906669510667;

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, DiscordJson.Options)!;

    public static Interaction Command(string name, string optionsJson = "[]", ulong id = 1001, ulong user = UserId) => Parse<Interaction>($$"""
        {"id": "{{id}}", "application_id": "{{AppId}}", "type": 2, "token": "tok-{{id}}", "version": 1,
         "guild_id": "290926798626357999", "channel_id": "{{ChannelId}}",
         "member": {"user": {"id": "{{user}}", "username": "Mason"}, "roles": [], "permissions": "0"},
         "data": {"id": "771825006014889984", "name": "{{name}}", "type": 1, "options": {{optionsJson}} } }
        """);

    public static Interaction Recommend(string topic = "consensus", string level = "beginner", ulong id = 1001) =>
        Command("recommend", $$"""[{"type": 3, "name": "topic", "value": "{{topic}}"}, {"type": 3, "name": "level", "value": "{{level}}"}]""", id);

    public static Interaction Autocomplete(string command, string option, string typed, ulong id = 1002) => Parse<Interaction>($$"""
        {"id": "{{id}}", "application_id": "{{AppId}}", "type": 4, "token": "tok-{{id}}", "version": 1,
         "user": {"id": "{{UserId}}", "username": "Mason"},
         "data": {"id": "771825006014889984", "name": "{{command}}", "type": 1, "options": [{"type": 3, "name": "{{option}}", "value": "{{typed}}", "focused": true}]} }
        """);

    public static Interaction Button(string customId, ulong user, ulong messageId, ulong id = 1003) => Parse<Interaction>($$"""
        {"id": "{{id}}", "application_id": "{{AppId}}", "type": 3, "token": "tok-{{id}}", "version": 1,
         "guild_id": "290926798626357999", "channel_id": "{{ChannelId}}",
         "member": {"user": {"id": "{{user}}", "username": "Someone"}, "roles": [], "permissions": "0"},
         "message": {"id": "{{messageId}}", "channel_id": "{{ChannelId}}", "author": {"id": "{{BotId}}", "username": "Nelly", "bot": true}, "content": "", "type": 0},
         "data": {"custom_id": "{{customId}}", "component_type": 2} }
        """);

    /// <summary>A snowflake created at <paramref name="time"/>.</summary>
    public static ulong SnowflakeAt(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() - 1420070400000) << 22;

    public static Message Message(string content, ulong channel = 290926798999357250, ulong? guild = 290926798626357999, ulong author = UserId,
        bool bot = false, ulong? webhook = null, string mentionsJson = "[]", int type = 0, ulong id = 334385199974967042) => Parse<Message>($$"""
        {"id": "{{id}}", "channel_id": "{{channel}}", {{(guild is null ? "" : $"\"guild_id\": \"{guild}\",")}}
         {{(webhook is null ? "" : $"\"webhook_id\": \"{webhook}\",")}}
         "author": {"id": "{{author}}", "username": "Mason", "bot": {{(bot ? "true" : "false")}}},
         "content": {{JsonSerializer.Serialize(content)}}, "timestamp": "2017-07-11T17:27:07.299000+00:00", "mentions": {{mentionsJson}}, "type": {{type}}}
        """);
}
