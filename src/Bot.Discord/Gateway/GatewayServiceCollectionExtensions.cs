using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>DI registration of the gateway client.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayOptions"/> (validated on start), the shared <see cref="IIdentifyGate"/> (by default the in-process <see cref="IdentifyGate"/>) and
    /// <see cref="DispatchDeduplicator"/>, and <see cref="ShardManager"/>. The caller registers an
    /// <see cref="IGatewayEventHandler"/> and an <see cref="IGatewayBotInfoProvider"/>, binds the options
    /// (e.g. <c>.BindConfiguration("Discord:Gateway")</c>) and runs <see cref="ShardManager.RunAsync"/> from a hosted service.
    /// </summary>
    public static OptionsBuilder<GatewayOptions> AddDiscordGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(sp => new IdentifyGate(
            sp.GetRequiredService<IGatewayBotInfoProvider>(),
            sp.GetRequiredService<ILogger<IdentifyGate>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IIdentifyGate>(sp => sp.GetRequiredService<IdentifyGate>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new DispatchDeduplicator(
                options.DeduplicationCapacity, options.DeduplicationWindow, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new ShardManager(
            sp.GetRequiredService<IOptions<GatewayOptions>>(),
            sp.GetRequiredService<IGatewayBotInfoProvider>(),
            sp.GetRequiredService<IIdentifyGate>(),
            sp.GetRequiredService<DispatchDeduplicator>(),
            sp.GetRequiredService<IGatewayEventHandler>(),
            sp.GetRequiredService<ILoggerFactory>(),
            new GatewayShardTimings { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
        return services.AddOptions<GatewayOptions>().ValidateDataAnnotations().ValidateOnStart();
    }
}
