using System.CommandLine;
using Bot.Application.Judgments;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>What <c>model train --with-feedback</c> was asked for, and what is wrong with it.</summary>
internal sealed record FeedbackSettings(bool Enabled, FeedbackGradingOptions Grading, string? Provider, string? ConnectionString, IReadOnlyList<string> Problems);

/// <summary>The <c>model train</c> options that add readers' feedback votes to the file judgments.</summary>
internal sealed class FeedbackOptions
{
    private readonly Option<bool> _withFeedback = new("--with-feedback")
    {
        Description = "Also train on readers' feedback votes from servers whose /config allows training (never DMs or the console), read from the bot's storage.",
    };

    private readonly Option<int> _minimumVotes = new("--min-votes")
    {
        Description = $"Votes a request needs before its votes become judgments (default {FeedbackGradingOptions.DefaultMinimumVotes}; fewer are one reader's taste).",
        DefaultValueFactory = _ => FeedbackGradingOptions.DefaultMinimumVotes,
    };

    private readonly Option<int> _idealAgreement = new("--ideal-agreement")
    {
        Description = $"Readers who must call an item useful for it to be graded ideal (3) rather than good (2); default {FeedbackGradingOptions.DefaultIdealAgreement}.",
        DefaultValueFactory = _ => FeedbackGradingOptions.DefaultIdealAgreement,
    };

    private readonly Option<string?> _provider = new("--storage-provider")
    {
        Description = "sqlite or postgres; default: the Storage configuration (Storage__Provider), else sqlite.",
    };

    private readonly Option<string?> _connection = new("--storage-connection")
    {
        Description = "The storage's connection string; default: the Storage configuration (Storage__ConnectionString), else state/bot.db.",
    };

    public FeedbackOptions()
    {
        _provider.AcceptOnlyFromAmong(StorageOptions.SqliteProvider, StorageOptions.PostgresProvider);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_withFeedback);
        command.Options.Add(_minimumVotes);
        command.Options.Add(_idealAgreement);
        command.Options.Add(_provider);
        command.Options.Add(_connection);
    }

    public FeedbackSettings Read(ParseResult parseResult)
    {
        var enabled = parseResult.GetValue(_withFeedback);
        var grading = new FeedbackGradingOptions
        {
            MinimumVotes = parseResult.GetValue(_minimumVotes),
            IdealAgreement = parseResult.GetValue(_idealAgreement),
        };
        var problems = grading.Problems().Select(p => "--min-votes/--ideal-agreement: " + p).ToList();
        var provider = parseResult.GetValue(_provider);
        var connection = parseResult.GetValue(_connection);
        if (!enabled && (provider is not null || connection is not null || parseResult.GetResult(_minimumVotes) is { Implicit: false } || parseResult.GetResult(_idealAgreement) is { Implicit: false }))
        {
            problems.Add("--min-votes, --ideal-agreement and --storage-* only mean something with --with-feedback.");
        }

        return new FeedbackSettings(enabled, grading, provider, connection, problems);
    }

    /// <summary>
    /// Reads the training votes from the configured storage (migrated first, as the bot does at start), converts them
    /// and merges them into <paramref name="fileJudgments"/>, printing what the feedback added; null (after printing
    /// why) when the storage cannot be used.
    /// </summary>
    public static async Task<MergedJudgments?> LoadAndMergeAsync(FeedbackSettings settings, ReadingCatalog catalog, IReadOnlyList<RecommendJudgment> fileJudgments, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var overrides = new Dictionary<string, string?>();
        if (settings.Provider is not null)
        {
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = settings.Provider;
        }

        if (settings.ConnectionString is not null)
        {
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] = settings.ConnectionString;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddBotStorage(builder.Configuration);
        using var host = builder.Build();
        FeedbackConversion conversion;
        try
        {
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            Console.WriteLine($"Feedback: reading votes from {(options.IsPostgres ? "PostgreSQL" : "SQLite")} storage.");
            await host.Services.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            conversion = await FeedbackJudgments.LoadAsync(host.Services.GetRequiredService<IReaderStore>(), catalog, settings.Grading, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or SchemaTooNewException or System.Data.Common.DbException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Feedback: the storage cannot be read: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        var merged = FeedbackJudgments.Merge(fileJudgments, conversion.Judgments);
        Console.WriteLine(
            $"Feedback: {conversion.Votes} votes from servers that allow training on {conversion.Requests} requests; " +
            $"{conversion.Judgments.Count} requests kept ({conversion.RequestsBelowMinimum} below {settings.Grading.MinimumVotes} votes, " +
            $"{conversion.UnreadableRequests} unreadable, {conversion.VotesOnUnknownItems} votes on items no longer in the catalog), " +
            $"{conversion.GradedItems} items graded above 0.");
        Console.WriteLine(
            $"Feedback: {merged.FeedbackRequestsAdded} new requests, {merged.FeedbackRequestsMerged} merged into file judgments of the same request; " +
            $"{merged.FeedbackGradesAdded} graded items added, {merged.FeedbackGradesOverruled} feedback grades overruled by the file judgments.");
        return merged;
    }
}
