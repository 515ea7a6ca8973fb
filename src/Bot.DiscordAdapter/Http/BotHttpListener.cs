using Bot.DiscordAdapter.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Bot.DiscordAdapter.Http;

/// <summary>
/// The bot's HTTP listener, a small Kestrel server beside the generic host (which stays the same in every mode):
/// <c>POST /interactions</c> in http and both modes; <c>/healthz</c> (alive), <c>/readyz</c> (ready for traffic)
/// and <c>/metrics</c> (Prometheus) in every mode. Its endpoints use the host's own services.
/// </summary>
public sealed partial class BotHttpListener : IHostedService, IAsyncDisposable
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    private readonly IServiceProvider _services;
    private readonly DiscordBotOptions _options;
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<BotHttpListener> _logger;
    private WebApplication? _app;

    public BotHttpListener(
        IServiceProvider services, IOptions<DiscordBotOptions> options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _services = services;
        _options = options.Value;
        _configuration = configuration;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<BotHttpListener>();
    }

    /// <summary>The addresses bound (with the real port when 0 was asked), once started.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    /// <summary>True once listening, until stopping.</summary>
    public bool IsListening { get; private set; }

    /// <summary>ASP.NET's usual <c>--urls</c> (key <c>urls</c>) or ASPNETCORE_URLS, else <c>Discord:Http:Urls</c>.</summary>
    public static string ResolveUrls(IConfiguration configuration, DiscordBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        return new[] { configuration["urls"], configuration["ASPNETCORE_URLS"], options.Http.Urls, InteractionsEndpointOptions.DefaultUrls }
            .First(u => !string.IsNullOrWhiteSpace(u))!.Trim();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = _options.ParsedMode;
        if (!_options.Http.Enabled && !mode.ServesHttpInteractions())
        {
            return;
        }

        var urls = ResolveUrls(_configuration, _options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = _options.Http.MaxBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var app = builder.Build();

        var health = _services.GetRequiredService<HealthCheckService>();
        app.MapGet("/healthz", context => WriteHealthAsync(context, health, LiveTag));
        app.MapGet("/readyz", context => WriteHealthAsync(context, health, ReadyTag));
        app.MapPrometheusScrapingEndpoint("/metrics", _services.GetRequiredService<MeterProvider>(), null, null);
        if (mode.ServesHttpInteractions())
        {
            var endpoint = _services.GetRequiredService<InteractionsEndpoint>();
            app.MapPost("/interactions", endpoint.HandleAsync);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        Addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)))
            .ToList() ?? [];
        IsListening = true;
        Log.Listening(_logger, string.Join(", ", Addresses), mode.ServesHttpInteractions() ? "POST /interactions, " : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsListening = false;
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteHealthAsync(HttpContext context, HealthCheckService health, string tag)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } d ? " (" + d + ")" : "")}");
        await context.Response.WriteAsync(string.Join('\n', [report.Status.ToString(), .. lines]) + "\n").ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3950, Level = LogLevel.Information, Message = "HTTP listener on {Addresses}: {Interactions}/healthz, /readyz, /metrics")]
        public static partial void Listening(ILogger logger, string addresses, string interactions);
    }
}
