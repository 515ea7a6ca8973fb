using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Catalog;

/// <summary>
/// Writes the catalog as one JSON object <c>{"resources": [...], "topics": [...], "sources": [...]}</c> whose keys and
/// enum values match the YAML (snake_case keys; lowercase, hyphenated enum values such as <c>free-registration</c>).
/// A resource's level range is <c>level</c> (entry) and <c>max_level</c>; its length is <c>{"value", "unit"}</c>.
/// Absent optional values are written as null so every object of a kind has every key.
/// </summary>
public static class CatalogJson
{
    private static readonly JsonTypeInfo<CatalogDocument> _documentTypeInfo = CreateTypeInfo();

    public static string Serialize(ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.Serialize(ToDocument(catalog), _documentTypeInfo);
    }

    public static void Write(Stream utf8Output, ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(utf8Output);
        ArgumentNullException.ThrowIfNull(catalog);
        JsonSerializer.Serialize(utf8Output, ToDocument(catalog), _documentTypeInfo);
    }

    private static CatalogDocument ToDocument(ReadingCatalog catalog) => new(catalog.Resources, catalog.Topics, catalog.Sources);

    private static JsonTypeInfo<CatalogDocument> CreateTypeInfo()
    {
        // The output goes to a terminal or a file, not into HTML, so apostrophes and non-ASCII names stay readable.
        var options = new JsonSerializerOptions(CatalogJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return (JsonTypeInfo<CatalogDocument>)options.GetTypeInfo(typeof(CatalogDocument));
    }
}

internal sealed record CatalogDocument(IReadOnlyList<Resource> Resources, IReadOnlyList<Topic> Topics, IReadOnlyList<Source> Sources);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    Converters =
    [
        typeof(YamlEnumConverter<ResourceKind>), typeof(YamlEnumConverter<Level>), typeof(YamlEnumConverter<Access>),
        typeof(YamlEnumConverter<ResourceStatus>), typeof(YamlEnumConverter<LengthUnit>), typeof(YamlEnumConverter<SourceKind>),
    ])]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

/// <summary>Enum values as the YAML writes them: lowercase with hyphens between words.</summary>
internal sealed class YamlEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
