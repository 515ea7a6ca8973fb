namespace Bot.Application;

/// <summary>Where the catalog lives (section "Catalog"); empty means find it next to the binary or above the working directory.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    public string? DataDirectory { get; set; }
}
