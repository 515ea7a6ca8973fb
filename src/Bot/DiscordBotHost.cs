using System.Globalization;
using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.DiscordAdapter;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Http;
using Bot.Storage;
using Bot.Host.Diagnostics;
using Bot.Host.Scaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>
/// The Discord bot's host: the composition <c>dotnet run --project src/Bot</c> uses when a token is configured,
/// also used by the end-to-end tests. Start-up failures become a clear message on stderr and exit code 1; no
/// message ever contains the token.
/// </summary>
public static class DiscordBotHost
{
    /// <summary>Extra time the host gets beyond the in-flight drain, to close the gateway.</summary>
    private static readonly TimeSpan CloseAllowance = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A host builder with the default sources (appsettings, environment, command line) plus user secrets in every
    /// environment, placed below the environment variables so DISCORD_TOKEN and Discord__Token win.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[]? args = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        if (!builder.Environment.IsDevelopment())
        {
            var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(DiscordBotHost).Assembly, optional: true).Sources;
            var sources = builder.Configuration.Sources;
            var environment = sources.Select((source, index) => (source, index)).FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource);
            var at = environment.source is null ? sources.Count : environment.index;
            foreach (var source in secrets.Reverse())
            {
                sources.Insert(at, source);
            }
        }

        return builder;
    }

    /// <param name="builder">Builder from <see cref="CreateBuilder"/>.</param>
    /// <param name="overrides">Registrations applied after the bot's own (tests replace services here).</param>
    public static IHost Build(HostApplicationBuilder builder, Action<IServiceCollection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddReadingAssistant(builder.Configuration);
        // Before AddBotStorage, whose default observer watches nothing.
        builder.Services.AddSingleton<IStorageObserver, StorageMetricsObserver>();
        builder.Services.AddBotStorage(builder.Configuration);
        builder.Services.AddReaderAssistant();
        builder.Services.AddDiscordBot(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<StorageReadinessCheck>(StorageReadinessCheck.Name, tags: [BotHttpListener.ReadyTag]);
        builder.Services.AddStudyGroups();
        builder.Services.AddSharedReplicaState(builder.Configuration);
        overrides?.Invoke(builder.Services);
        // Read raw: the validated options would throw here, before start-up can report every problem at once.
        var drain = TimeSpan.TryParse(builder.Configuration["Discord:ShutdownTimeout"], CultureInfo.InvariantCulture, out var configured)
            ? configured
            : new DiscordBotOptions().ShutdownTimeout;
        builder.Services.Configure<HostOptions>(host =>
        {
            var needed = drain + CloseAllowance;
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return builder.Build();
    }

    /// <summary>
    /// Runs until stopped (SIGTERM, Ctrl+C, <paramref name="cancellationToken"/>) or a fatal error, then disposes
    /// the host. Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(IHost host, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(error);
        var token = host.Services.GetRequiredService<TokenResolution>().Token;
        var runState = host.Services.GetRequiredService<BotRunState>();
        try
        {
            // Load the catalog before connecting, so a broken catalog stops start-up with its own message.
            host.Services.GetRequiredService<IReadingAssistant>();
            // Channel messages are free text: its models load in the background while the bot connects.
            host.Services.GetRequiredService<RecommendationEngine>().WarmUpFreeText();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException || (ex is AggregateException a && a.InnerExceptions.All(i => i is OptionsValidationException)))
        {
            var failures = (ex is AggregateException aggregate ? aggregate.InnerExceptions : [ex])
                .OfType<OptionsValidationException>()
                .SelectMany(v => v.Failures)
                .Distinct(StringComparer.Ordinal)
                .Select(f => "  - " + DiscordBotOptionsValidator.Redact(f, token));
            await error.WriteLineAsync("The Discord bot configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, failures)).ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is CatalogValidationException or DirectoryNotFoundException)
        {
            await error.WriteLineAsync(DiscordBotOptionsValidator.Redact(ex.Message, token)).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"The Discord bot could not start: {ex.GetType().Name}: {DiscordBotOptionsValidator.Redact(ex.Message, token)}").ConfigureAwait(false);
            return 1;
        }

        if (runState.FatalError is { } fatal)
        {
            await error.WriteLineAsync("The Discord bot stopped: " + DiscordBotOptionsValidator.Redact(fatal, token)).ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary>Builds and runs the bot from the process configuration.</summary>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = Build(builder);
        return await RunAsync(host, error, cancellationToken).ConfigureAwait(false);
    }
}
