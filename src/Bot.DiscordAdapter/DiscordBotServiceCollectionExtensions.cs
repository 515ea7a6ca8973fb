using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Configuration;
using Bot.Discord.Diagnostics;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Http;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

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
                gateway.Intents = GatewayIntentSets.ForBot(freeTextEnabled: options.FreeTextChannelsConfigured || options.ServerFreeText);
                gateway.ShardId = options.ShardId;
                gateway.ShardIds = options.ResolveShardIds();
                gateway.ShardCount = options.ShardCount.Trim();
                gateway.GatewayUrl = string.IsNullOrWhiteSpace(options.GatewayUrl) ? null : options.GatewayUrl.Trim();
            });

        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton(sp => new BotRunState(sp.GetService<IHostApplicationLifetime>()));
        services.TryAddSingleton<WorkTracker>();
        services.TryAddSingleton<ShardRegistry>();
        services.TryAddSingleton<CooldownGate>();
        services.TryAddSingleton<IFreeTextCooldowns>(sp => sp.GetRequiredService<CooldownGate>());
        services.TryAddSingleton<IInteractionClaims, InMemoryInteractionClaims>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<CommandRegistrationCoordinator>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<FreeTextHandler>();
        services.TryAddSingleton<DiscordGatewayHandler>();
        services.TryAddSingleton<IGatewayEventHandler>(sp => sp.GetRequiredService<DiscordGatewayHandler>());
        services.TryAddSingleton<DiscordBotService>();

        // The HTTP listener (interactions in http/both modes; health and metrics in every mode) starts first, so
        // probes answer while the gateway connects.
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        services.AddHealthChecks()
            .AddCheck<AliveHealthCheck>("alive", tags: [BotHttpListener.LiveTag])
            .AddCheck<DiscordReadinessCheck>("discord", tags: [BotHttpListener.ReadyTag]);
        services.TryAddSingleton<InteractionsEndpoint>();
        services.TryAddSingleton<BotHttpListener>();
        services.AddHostedService(sp => sp.GetRequiredService<BotHttpListener>());

        services.AddHostedService(sp => sp.GetRequiredService<DiscordBotService>());
        services.AddHostedService<HealthFileService>();
        return services;
    }

    /// <summary>
    /// The study-group features on Discord: servers' /config cooldowns default to the <c>Discord</c> section's, and the
    /// paper-of-the-week service posts on schedule. Needs <c>AddBotStorage</c>, <c>AddReaderAssistant</c> and
    /// <see cref="AddDiscordBot"/>.
    /// </summary>
    public static IServiceCollection AddStudyGroups(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordBotOptions>>().Value;
            return new Bot.Application.Servers.ServerDefaults((int)options.UserCooldown.TotalSeconds, (int)options.ChannelCooldown.TotalSeconds);
        });
        services.TryAddSingleton<Clubs.PaperOfTheWeekService>();
        services.AddHostedService(sp => sp.GetRequiredService<Clubs.PaperOfTheWeekService>());
        return services;
    }
}
