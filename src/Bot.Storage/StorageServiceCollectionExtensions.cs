using Bot.Storage.Sql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReaderStore"/>, <see cref="IServerStore"/>, <see cref="IReplicaStateStore"/> and <see cref="IStorageMigrator"/> for the
    /// provider in the <c>Storage</c> section (validated at start), and a hosted service that migrates the schema
    /// before any other hosted service starts.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorageDatabase>(provider => StorageDatabase.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory));
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<IStorageMigrator>(provider => provider.GetRequiredService<SchemaMigrator>());
        services.TryAddSingleton<IStorageObserver>(NoStorageObserver.Instance);
        services.TryAddSingleton(provider => new BotStore(provider.GetRequiredService<IStorageDatabase>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IStorageObserver>()));
        services.TryAddSingleton<IReaderStore>(provider => provider.GetRequiredService<BotStore>());
        services.TryAddSingleton<IServerStore>(provider => provider.GetRequiredService<BotStore>());
        services.TryAddSingleton<IReplicaStateStore>(provider => provider.GetRequiredService<BotStore>());
        services.AddHostedService<StorageMigrationService>();
        return services;
    }
}

/// <summary>Migrates the schema in the host's starting phase, so a refused database stops start-up before Discord connects.</summary>
public sealed class StorageMigrationService(IStorageMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
