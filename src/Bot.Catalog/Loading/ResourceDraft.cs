namespace Bot.Catalog.Loading;

/// <summary>
/// What was read for one resource entry, with locations for the cross-file rules. <see cref="Resource"/> is null when
/// a required field is missing or invalid; the other members hold whatever could be read so later rules do not
/// pile up follow-on problems.
/// </summary>
internal sealed record ResourceDraft(
    SourceLocation Location,
    Located<string>? Id,
    Located<string>? Title,
    Located<Level>? Level,
    IReadOnlyList<Located<string>> Topics,
    IReadOnlyList<Located<string>> Prerequisites,
    IReadOnlyList<Located<string>> Next,
    IReadOnlyList<Located<string>> RecommendedBy,
    Resource? Resource);
