using Bot.Discord.Gateway;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Scaling;

public static class ReplicaStateServiceCollectionExtensions
{
    /// <summary>Configuration key: <c>memory</c> or <c>database</c>; unset means database exactly when Storage:Provider is postgres.</summary>
    public const string ReplicaStateKey = "Discord:ReplicaState";

    /// <summary>
    /// When the processes of one bot share a database (<c>Storage:Provider=postgres</c>, or <c>Discord:ReplicaState=database</c>),
    /// moves what they must agree on into it: identify turns per <c>max_concurrency</c> bucket (a lease each),
    /// interaction claims and free-text cooldowns. Otherwise the in-process defaults stay. Call after AddDiscordBot.
    /// </summary>
    public static IServiceCollection AddSharedReplicaState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!UsesDatabase(configuration))
        {
            return services;
        }

        services.AddBotStorage(configuration);
        services.Replace(ServiceDescriptor.Singleton<IIdentifyGate>(sp => new LeasedIdentifyGate(
            sp.GetRequiredService<IdentifyGate>(),
            sp.GetRequiredService<IServerStore>(),
            LeasedIdentifyGate.DefaultHolder(),
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.HandshakeTimeout,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeasedIdentifyGate>>())));
        services.Replace(ServiceDescriptor.Singleton<IInteractionClaims, StoredInteractionClaims>());
        services.Replace(ServiceDescriptor.Singleton<IFreeTextCooldowns, StoredCooldowns>());
        return services;
    }

    /// <summary>Whether <see cref="AddSharedReplicaState"/> moves the shared state into the database.</summary>
    public static bool UsesDatabase(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[ReplicaStateKey]?.Trim();
        if (string.Equals(setting, "database", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(setting, "memory", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(configuration[$"{StorageOptions.SectionName}:Provider"]?.Trim(), StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase);
    }
}
