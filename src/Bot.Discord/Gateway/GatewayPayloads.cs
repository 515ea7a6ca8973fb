using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>Serializes the payloads the shard sends, refusing any above the gateway's 4096-byte limit.</summary>
internal static class GatewayPayloads
{
    public const int MaxPayloadBytes = 4096;

    public static byte[] Heartbeat(long? sequence) => Write(GatewayOpcode.Heartbeat, writer =>
    {
        if (sequence is { } value)
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    });

    public static byte[] Identify(
        string token, GatewayIntents intents, GatewayIdentifyProperties properties, int shardId, int shardCount) =>
        Write(GatewayOpcode.Identify, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", token);
            writer.WriteNumber("intents", (int)intents);
            writer.WriteStartObject("properties");
            writer.WriteString("os", properties.Os);
            writer.WriteString("browser", properties.Browser);
            writer.WriteString("device", properties.Device);
            writer.WriteEndObject();
            writer.WriteStartArray("shard");
            writer.WriteNumberValue(shardId);
            writer.WriteNumberValue(shardCount);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static byte[] Resume(string token, string sessionId, long sequence) =>
        Write(GatewayOpcode.Resume, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", token);
            writer.WriteString("session_id", sessionId);
            writer.WriteNumber("seq", sequence);
            writer.WriteEndObject();
        });

    /// <summary>Writes <c>{"op": op, "d": ...}</c>; throws <see cref="GatewayPayloadTooLargeException"/> above 4096 bytes.</summary>
    public static byte[] Write(GatewayOpcode opcode, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)opcode);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        if (buffer.WrittenCount > MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException((int)opcode, buffer.WrittenCount);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>A gateway payload above 4096 bytes was refused before sending (Discord would close with 4002).</summary>
public sealed class GatewayPayloadTooLargeException : InvalidOperationException
{
    public GatewayPayloadTooLargeException()
        : base("Gateway payload exceeds 4096 bytes.")
    {
    }

    public GatewayPayloadTooLargeException(string message)
        : base(message)
    {
    }

    public GatewayPayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayPayloadTooLargeException(int opcode, int size)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Gateway payload for opcode {opcode} is {size} bytes; the gateway accepts at most {GatewayPayloads.MaxPayloadBytes}."))
    {
        Size = size;
    }

    /// <summary>Serialized size in bytes.</summary>
    public int Size { get; }
}
