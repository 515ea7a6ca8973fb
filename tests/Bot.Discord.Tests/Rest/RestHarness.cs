using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Rest;

/// <summary>
/// Fake REST server + a real <see cref="DiscordRestClient"/> from DI. On dispose every request body the client
/// sent is checked against the OpenAPI contract, and no log line may contain a secret.
/// </summary>
public sealed class RestHarness : IAsyncDisposable
{
    public const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.SECRET-bot-token.xyz";
    public const string InteractionToken = "aW50ZXJhY3Rpb246SECRET-interaction-token";

    private readonly ServiceProvider _services;

    private RestHarness(FakeRestServer server, ServiceProvider services, FakeClock time, CapturingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Time = time;
        Logs = logs;
        Client = services.GetRequiredService<DiscordRestClient>();
    }

    public FakeRestServer Server { get; }

    public DiscordRestClient Client { get; }

    /// <summary>The client's clock: it moves only when a test advances it, so no timeout or wait elapses by itself.</summary>
    public FakeClock Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    /// <summary>Waits the client arms besides its per-attempt timeouts: bucket, global, 429 and backoff waits.</summary>
    public IReadOnlyList<TimeSpan> Pauses => Time.ArmedDelays.Where(IsPause).ToList();

    /// <summary>Completes once the client waits for the <paramref name="occurrence"/>-th pause, with its length.</summary>
    public Task<TimeSpan> WaitForPauseAsync(int occurrence = 1) => Time.WaitForArmedAsync(IsPause, occurrence);

    /// <summary>Completes once the client has armed the per-attempt timeout of its <paramref name="attempt"/>-th request.</summary>
    public Task WaitForAttemptTimeoutAsync(int attempt) => Time.WaitForArmedAsync(d => !IsPause(d), attempt);

    private TimeSpan RequestTimeout => _services.GetRequiredService<IOptions<DiscordRestOptions>>().Value.RequestTimeout;

    public static async Task<RestHarness> StartAsync(Action<DiscordRestOptions>? configure = null)
    {
        var server = await FakeRestServer.StartAsync();
        var time = new FakeClock();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddDiscordRest(o =>
        {
            o.Token = Token;
            o.BaseUrl = server.BaseUrl;
            o.UserAgentUrl = "https://example.org/bot";
            o.UserAgentVersion = "2.3.4";
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRateLimitWait = TimeSpan.FromHours(1);
            configure?.Invoke(o);
        });
        return new RestHarness(server, services.BuildServiceProvider(validateScopes: true), time, logs);
    }

    private bool IsPause(TimeSpan delay) => delay != RequestTimeout;

    public async ValueTask DisposeAsync()
    {
        var requests = Server.Requests;
        await _services.DisposeAsync();
        await Server.DisposeAsync();

        var contract = await OpenApiContract.ValidateAsync(requests);
        Assert.True(contract.IsValid, contract.ToString());
        Assert.Equal(requests.Count(r => !string.IsNullOrEmpty(r.Body)), contract.Checked);

        foreach (var line in Logs.Lines)
        {
            Assert.DoesNotContain(Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(InteractionToken, line, StringComparison.Ordinal);
        }
    }
}
