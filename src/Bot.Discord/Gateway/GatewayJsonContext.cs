using System.Text.Json.Serialization;
using Bot.Discord.Models.Inbound;

namespace Bot.Discord.Gateway;

/// <summary>Source-generated JSON for inbound dispatches: snake_case names, snowflakes read from strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Message))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
