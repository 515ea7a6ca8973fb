using System.Diagnostics.CodeAnalysis;

namespace Bot.Catalog;

/// <summary>The outcome of loading a data directory: a catalog when the data is valid, otherwise every problem found.</summary>
public sealed record CatalogLoadResult(ReadingCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Catalog))]
    public bool Succeeded => Catalog is not null;
}
