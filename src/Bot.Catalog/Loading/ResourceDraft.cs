namespace Bot.Catalog.Loading;

/// <summary>
/// What was read for one resource entry, with locations for the cross-file rules. <see cref="Resource"/> is null when
/// a required field is missing or invalid; the other members hold whatever could be read so later rules do not
/// pile up follow-on problems.
/// </summary>
internal sealed record ResourceDraft(SourceLocation Location, Located<string>? Id, Resource? Resource)
{
    public Located<string>? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The entry level (the first level of a range).</summary>
    public Located<Level>? Level { get; init; }
    public Located<Level>? MaxLevel { get; init; }
    public IReadOnlyList<Located<string>> Topics { get; init; } = [];
    public IReadOnlyList<Located<string>> SectionTopics { get; init; } = [];
    public IReadOnlyList<Located<string>> Nicknames { get; init; } = [];
    public IReadOnlyList<Located<string>> Prerequisites { get; init; } = [];
    public IReadOnlyList<Located<string>> Next { get; init; } = [];
    public IReadOnlyList<Located<string>> Related { get; init; } = [];
    public IReadOnlyList<Located<string>> Companion { get; init; } = [];
    public Located<string>? Supersedes { get; init; }
    public IReadOnlyList<Located<string>> RecommendedBy { get; init; } = [];

    /// <summary>True when the level range includes <paramref name="reader"/>; false when the level could not be read.</summary>
    public bool Suits(Level reader) =>
        Level is { } entry && reader >= entry.Value && reader <= (MaxLevel?.Value ?? entry.Value);
}
