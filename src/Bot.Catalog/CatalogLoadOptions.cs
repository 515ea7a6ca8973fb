namespace Bot.Catalog;

/// <summary>Tunable rules for <see cref="CatalogLoader"/>. The defaults are the rules the shipped catalog must meet.</summary>
public sealed record CatalogLoadOptions
{
    public static CatalogLoadOptions Default { get; } = new();

    /// <summary>When true, every topic needs <see cref="MinimumResourcesPerTopic"/> resources and at least one beginner resource.</summary>
    public bool RequireTopicCoverage { get; init; } = true;

    public int MinimumResourcesPerTopic { get; init; } = 5;

    public int MaximumSummaryLength { get; init; } = 600;

    /// <summary>Years before this are rejected as implausible for the field.</summary>
    public int EarliestYear { get; init; } = 1950;

    /// <summary>Supplies the current year; years after next year are rejected.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
