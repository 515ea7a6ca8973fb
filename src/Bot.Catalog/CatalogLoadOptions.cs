namespace Bot.Catalog;

/// <summary>
/// Tunable rules for <see cref="CatalogLoader"/>. A new instance carries the full rules of catalog schema v2 (issue 7):
/// that is <see cref="Strict"/>. <see cref="Default"/>, which the bot and <c>catalog lint</c> use, is
/// <see cref="Transitional"/> until the v2 data (paths, coverage, fixed levels and nicknames) is in <c>data/</c>.
/// </summary>
public sealed record CatalogLoadOptions
{
    /// <summary>Every rule of schema v2 with the sizes issue 7 asks for.</summary>
    public static CatalogLoadOptions Strict { get; } = new();

    /// <summary>
    /// Schema v2 fields are read and checked, but the rules that only the v2 data can meet are relaxed: paths are
    /// optional, coverage is the v1 rule (5 resources and 1 beginner resource per topic, no catalog size), and
    /// prerequisite levels and nickname and alias ownership are not checked.
    /// </summary>
    public static CatalogLoadOptions Transitional { get; } = Strict with
    {
        RequireTopicPaths = false,
        MinimumResourcesPerTopic = 5,
        MinimumBeginnerResourcesPerTopic = 1,
        MinimumAdvancedResourcesPerTopic = 0,
        MinimumTopics = 0,
        MinimumResources = 0,
        CheckPrerequisiteLevels = false,
        CheckNicknameOwnership = false,
        CheckAliasOwnership = false,
    };

    /// <summary>The rules the shipped catalog must meet. Switch to <see cref="Strict"/> once the v2 data has landed.</summary>
    public static CatalogLoadOptions Default => Transitional;

    /// <summary>When true, the per-topic and catalog-wide minimums below are enforced.</summary>
    public bool RequireTopicCoverage { get; init; } = true;

    public int MinimumResourcesPerTopic { get; init; } = 8;

    /// <summary>Resources on the topic whose level range includes beginner.</summary>
    public int MinimumBeginnerResourcesPerTopic { get; init; } = 2;

    /// <summary>Resources on the topic whose level range includes advanced.</summary>
    public int MinimumAdvancedResourcesPerTopic { get; init; } = 2;

    public int MinimumTopics { get; init; } = 30;

    public int MinimumResources { get; init; } = 550;

    /// <summary>When true, every topic needs a path; a path that is given is always checked.</summary>
    public bool RequireTopicPaths { get; init; } = true;

    public int MinimumPathSteps { get; init; } = 4;

    public int MaximumPathSteps { get; init; } = 8;

    /// <summary>When true, a prerequisite's entry level must not be above the entry level of the resource that needs it.</summary>
    public bool CheckPrerequisiteLevels { get; init; } = true;

    /// <summary>
    /// When true, a nickname belongs to one resource (ignoring case) and is not the surname of an author with
    /// several catalogued works.
    /// </summary>
    public bool CheckNicknameOwnership { get; init; } = true;

    /// <summary>When true, an alias belongs to one topic only (ignoring case).</summary>
    public bool CheckAliasOwnership { get; init; } = true;

    public int MaximumSummaryLength { get; init; } = 600;

    /// <summary>Years before this are rejected as implausible for the field.</summary>
    public int EarliestYear { get; init; } = 1950;

    /// <summary>Supplies the current year; years after next year are rejected.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
