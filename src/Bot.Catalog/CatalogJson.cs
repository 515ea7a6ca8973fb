using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Catalog;

/// <summary>
/// Writes the catalog's resources as one JSON array whose keys and enum values match the YAML
/// (snake_case keys, lowercase kinds and levels). Absent optional values are written as null so every object has every key.
/// </summary>
public static class CatalogJson
{
    private static readonly JsonTypeInfo<IReadOnlyList<Resource>> _resourcesTypeInfo = CreateTypeInfo();

    public static string Serialize(ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.Serialize(catalog.Resources, _resourcesTypeInfo);
    }

    public static void Write(Stream utf8Output, ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(utf8Output);
        ArgumentNullException.ThrowIfNull(catalog);
        JsonSerializer.Serialize(utf8Output, catalog.Resources, _resourcesTypeInfo);
    }

    private static JsonTypeInfo<IReadOnlyList<Resource>> CreateTypeInfo()
    {
        // The output goes to a terminal or a file, not into HTML, so apostrophes and non-ASCII names stay readable.
        var options = new JsonSerializerOptions(CatalogJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return (JsonTypeInfo<IReadOnlyList<Resource>>)options.GetTypeInfo(typeof(IReadOnlyList<Resource>));
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    Converters = [typeof(LowercaseEnumConverter<ResourceKind>), typeof(LowercaseEnumConverter<Level>)])]
[JsonSerializable(typeof(IReadOnlyList<Resource>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

internal sealed class LowercaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
