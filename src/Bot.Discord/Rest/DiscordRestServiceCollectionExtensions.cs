using Bot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> as a singleton (it holds the rate-limit state), also as
    /// <see cref="IDiscordRestClient"/> and <see cref="IGatewayBotInfoProvider"/>. Options are validated on start.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, Action<DiscordRestOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DiscordRestOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>Binds <see cref="DiscordRestOptions"/> from a configuration section (e.g. <c>Discord:Rest</c>).</summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DiscordRestOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordRestOptions>, DiscordRestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // Timeouts are applied per attempt by the client; the factory's request logging would write
        // URLs containing interaction tokens, so it is removed.
        services.AddHttpClient(DiscordRestClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<IDiscordRestClient>(sp => sp.GetRequiredService<DiscordRestClient>());
        services.TryAddSingleton<IGatewayBotInfoProvider>(sp => sp.GetRequiredService<DiscordRestClient>());
        return services;
    }
}

internal sealed class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Rest:Token is required and must not contain whitespace (value not shown).");
        }

        if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:Rest:Token must be the bare token, without the 'Bot ' prefix (value not shown).");
        }

        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:Rest:BaseUrl must be an absolute http(s) URL.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Discord:Rest:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgentUrl) || string.IsNullOrWhiteSpace(options.UserAgentVersion))
        {
            failures.Add("Discord:Rest:UserAgentUrl and UserAgentVersion are required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
