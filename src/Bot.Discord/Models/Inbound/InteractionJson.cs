using System.Text.Json;
using Bot.Discord.Gateway;

namespace Bot.Discord.Models.Inbound;

/// <summary>Reads an interaction Discord posted to an HTTP interactions endpoint (the gateway's own reader).</summary>
public static class InteractionJson
{
    /// <summary>The interaction in <paramref name="utf8Json"/>. Throws <see cref="JsonException"/> when it is not one.</summary>
    public static Interaction Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, GatewayJsonContext.Default.Interaction)
        ?? throw new JsonException("The body is JSON null, not an interaction.");
}
