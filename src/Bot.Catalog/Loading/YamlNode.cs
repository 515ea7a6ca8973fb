namespace Bot.Catalog.Loading;

/// <summary>
/// A YAML node that remembers where it starts. Built by <see cref="YamlTreeReader"/> instead of YamlDotNet's
/// representation model so that duplicate keys become problems rather than exceptions that hide the rest of the file.
/// </summary>
internal abstract record YamlNode(SourceLocation Location)
{
    /// <summary>How the node reads in a message, e.g. "a list".</summary>
    public abstract string Shape { get; }
}

/// <param name="IsPlain">
/// True for unquoted, untagged scalars, which YAML resolves to null, booleans or numbers;
/// quoted scalars are always strings.
/// </param>
internal sealed record YamlScalar(string Value, bool IsPlain, SourceLocation Location) : YamlNode(Location)
{
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Shape => IsNull ? "an empty value" : "a single value";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceLocation Location) : YamlNode(Location)
{
    public override string Shape => "a list";
}

internal sealed record YamlMapping(IReadOnlyList<YamlMappingEntry> Entries, SourceLocation Location) : YamlNode(Location)
{
    public override string Shape => "a mapping of fields";

    public YamlMappingEntry? Find(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal));
}

internal sealed record YamlMappingEntry(YamlScalar Key, YamlNode Value);
