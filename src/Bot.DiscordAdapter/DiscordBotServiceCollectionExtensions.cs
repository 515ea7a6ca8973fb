using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter;

public static class DiscordBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord bot: options (section <c>Discord</c>, token from DISCORD_TOKEN, Discord:Token or
    /// Discord:TokenFile, validated at start), the REST client (section <c>Discord:Rest</c> for tuning), gateway
    /// options (section <c>Discord:Gateway</c> for tuning), the handlers, and the hosted services that run the
    /// shards and the health file. Needs an <see cref="Bot.Application.IReadingAssistant"/> (AddReadingAssistant).
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DiscordTokenSource.Resolve(configuration));
        services.AddOptions<DiscordBotOptions>()
            .Bind(configuration.GetSection(DiscordBotOptions.SectionName))
            .PostConfigure<TokenResolution>((options, token) => options.Token = token.Token ?? string.Empty)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordBotOptions>, DiscordBotOptionsValidator>());

        services.AddDiscordRest(configuration.GetSection(DiscordRestOptions.SectionName));
        services.AddOptions<DiscordRestOptions>()
            .Configure<IOptions<DiscordBotOptions>>((rest, bot) =>
            {
                rest.Token = bot.Value.Token;
                if (!string.IsNullOrWhiteSpace(bot.Value.RestBaseUrl))
                {
                    rest.BaseUrl = new Uri(bot.Value.RestBaseUrl.Trim(), UriKind.Absolute);
                }
            });

        // The gateway helper's registration (options validated on start, shared IdentifyGate and deduplicator);
        // the shards themselves are run by DiscordBotService, one GatewayShardService each.
        services.AddDiscordGateway()
            .Bind(configuration.GetSection(DiscordBotOptions.SectionName + ":Gateway"))
            .Configure<IOptions<DiscordBotOptions>>((gateway, bot) =>
            {
                var options = bot.Value;
                gateway.Token = options.Token;
                gateway.Intents = GatewayIntentSets.ForBot(freeTextEnabled: options.FreeTextChannelsConfigured);
                gateway.ShardId = options.ShardId;
                gateway.ShardCount = options.ShardCount.Trim();
                gateway.GatewayUrl = string.IsNullOrWhiteSpace(options.GatewayUrl) ? null : options.GatewayUrl.Trim();
            });

        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton(sp => new BotRunState(sp.GetService<IHostApplicationLifetime>()));
        services.TryAddSingleton<WorkTracker>();
        services.TryAddSingleton<ShardRegistry>();
        services.TryAddSingleton<CooldownGate>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<CommandRegistrationCoordinator>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<FreeTextHandler>();
        services.TryAddSingleton<DiscordGatewayHandler>();
        services.TryAddSingleton<IGatewayEventHandler>(sp => sp.GetRequiredService<DiscordGatewayHandler>());
        services.TryAddSingleton<DiscordBotService>();

        services.AddHostedService(sp => sp.GetRequiredService<DiscordBotService>());
        services.AddHostedService<HealthFileService>();
        return services;
    }
}
