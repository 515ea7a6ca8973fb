namespace Bot.Catalog;

/// <summary>
/// Tunable rules for <see cref="CatalogLoader"/>. A new instance carries the full rules of catalog schema v2, which
/// the shipped catalog meets; tests lower the sizes for small fixtures.
/// </summary>
public sealed record CatalogLoadOptions
{
    /// <summary>Every rule of schema v2 with the sizes the shipped catalog must meet.</summary>
    public static CatalogLoadOptions Default { get; } = new();

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

    /// <summary>At most this many <c>concepts</c> per resource: a handful of the ideas it is about, not an index.</summary>
    public int MaximumConcepts { get; init; } = 12;

    /// <summary>A concept is a phrase a reader would type, not a sentence.</summary>
    public int MaximumConceptLength { get; init; } = 60;

    /// <summary>Years before this are rejected as implausible for the field.</summary>
    public int EarliestYear { get; init; } = 1950;

    /// <summary>Supplies the current year; years after next year are rejected.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
