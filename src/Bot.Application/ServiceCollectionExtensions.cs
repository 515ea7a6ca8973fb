using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Ranking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalog (loaded and validated once, on first use), the recommendation engine
    /// and the <see cref="IReadingAssistant"/>.
    /// </summary>
    public static IServiceCollection AddReadingAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName));
        services.AddSingleton(provider => LoadCatalog(provider.GetRequiredService<IOptions<CatalogOptions>>().Value));
        // Ranking's hand-set numbers are checked when the host starts, not on the first request.
        services.AddOptions<RankingOptions>()
            .Bind(configuration.GetSection(RankingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            // The shipped ranker loads on another core while the catalog's YAML is read and indexed.
            RecommendationEngine.WarmUpShippedRanker();
            return new RecommendationEngine(
                provider.GetRequiredService<ReadingCatalog>(),
                options: provider.GetRequiredService<IOptions<RankingOptions>>().Value);
        });
        services.AddSingleton<ReadingAssistant>();
        services.AddSingleton<IReadingAssistant>(provider => provider.GetRequiredService<ReadingAssistant>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="Readers.ReaderAssistant"/>, the reader features (lists, paths, feedback, privacy), and
    /// <see cref="Servers.ServerAssistant"/>, the study-group features (/config, /club, paper of the week). They need
    /// the storage's <c>IReaderStore</c> and <c>IServerStore</c> (<c>AddBotStorage</c>) and <see cref="AddReadingAssistant"/>.
    /// </summary>
    public static IServiceCollection AddReaderAssistant(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new Servers.ServerDefaults());
        services.TryAddSingleton<Servers.ServerSettingsCache>();
        services.AddSingleton<Readers.ReaderAssistant>();
        services.TryAddSingleton<Servers.ServerAssistant>();
        return services;
    }

    /// <summary>Loads the catalog or throws <see cref="CatalogValidationException"/> naming every bad file, line and reason.</summary>
    public static ReadingCatalog LoadCatalog(CatalogOptions options)
    {
        var directory = ResolveDataDirectory(options);
        return CatalogLoader.LoadOrThrow(directory);
    }

    public static string ResolveDataDirectory(CatalogOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return options.DataDirectory;
        }

        return CatalogLocator.FindDataDirectory()
            ?? throw new DirectoryNotFoundException(
                $"No catalog found: set {CatalogLocator.DataDirectoryVariable} or Catalog__DataDirectory to the folder that holds topics.yaml, sources.yaml and resources/.");
    }
}
