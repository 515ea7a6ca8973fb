namespace Bot.Catalog.Loading;

/// <summary>A 1-based position in a catalog file; <see cref="File"/> is relative to the data directory.</summary>
internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>A value read from YAML together with where it was written, so later rules can point back at it.</summary>
internal sealed record Located<T>(T Value, SourceLocation Location);
