using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    private RestHarness(FakeRestServer server, ServiceProvider services, ManualTimeProvider time, CapturingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Time = time;
        Logs = logs;
        Client = services.GetRequiredService<DiscordRestClient>();
    }

    public FakeRestServer Server { get; }

    public DiscordRestClient Client { get; }

    public ManualTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<RestHarness> StartAsync(bool autoAdvance = true, Action<DiscordRestOptions>? configure = null)
    {
        var server = await FakeRestServer.StartAsync();
        var time = new ManualTimeProvider(autoAdvance);
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
