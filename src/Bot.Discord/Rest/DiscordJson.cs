using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Rest;

/// <summary>JSON conventions of the REST API: snake_case, nulls omitted, snowflakes as strings.</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new SnowflakeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Every <see cref="ulong"/> in our models is a snowflake: written as a string, read from either form.</summary>
    private sealed class SnowflakeConverter : JsonConverter<ulong>
    {
        public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.String => ulong.Parse(reader.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture),
                JsonTokenType.Number => reader.GetUInt64(),
                _ => throw new JsonException($"Expected a snowflake, got {reader.TokenType}."),
            };

        public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
