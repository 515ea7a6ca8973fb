using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Bot.Application;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Benchmarks;

/// <summary>
/// In process (no generated project to build on two cores), a short run, with allocations: enough to say where
/// an interaction's time goes, not to compare close variants.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        ArtifactsPath = Repository.ArtifactsDirectory;
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// The CPU cost of one <c>/recommend</c> interaction inside the bot, split into its steps, over the same varied
/// inputs as the burst: reading the INTERACTION_CREATE data, the application layer's recommendation, rendering
/// and checking the reply and writing its JSON, and the whole adapter path through the real REST client with an
/// in-memory HTTP answer (everything but sockets and the gateway's receive loop).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class InteractionPathBenchmarks // not sealed: BenchmarkDotNet refuses sealed benchmark classes
{
    private const int Variants = 30;

    private ServiceProvider _services = null!;
    private IReadingAssistant _assistant = null!;
    private InteractionHandler _handler = null!;
    private byte[][] _frames = null!;
    private Interaction[] _interactions = null!;
    private RecommendRequest[] _requests = null!;
    private Reply[] _replies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = FakeDiscordToken.Value,
            ["Discord:ApplicationId"] = "775799577604522054",
            ["Discord:HealthFile"] = "",
            ["Catalog:DataDirectory"] = Repository.DataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReadingAssistant(configuration);
        services.AddDiscordBot(configuration);
        services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new AcceptingCallbacks());
        _services = services.BuildServiceProvider();
        _assistant = _services.GetRequiredService<IReadingAssistant>();
        _handler = _services.GetRequiredService<InteractionHandler>();

        var variants = Enumerable.Range(0, Variants).Select(SlashCommands.Options).ToArray();
        _frames = [.. variants.Select((v, i) => Encoding.UTF8.GetBytes(SlashCommands.Dispatch("INTERACTION_CREATE", SlashCommands.Recommend(1_000 + (ulong)i, v), i + 1)))];
        _interactions = [.. _frames.Select(ReadInteraction)];
        _requests = [.. variants.Select(v => new RecommendRequest { Topic = v.Topic, Level = v.Level, Kind = v.Kind, Count = v.Count ?? 5 })];
        _replies = [.. _requests.Select(_assistant.Recommend)];
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(OperationsPerInvoke = Variants, Description = "read INTERACTION_CREATE")]
    public ulong ReadInteractionCreate()
    {
        var sum = 0UL;
        foreach (var frame in _frames)
        {
            sum += ReadInteraction(frame).Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Variants, Description = "recommend (application layer)")]
    public int Recommend()
    {
        var items = 0;
        foreach (var request in _requests)
        {
            items += _assistant.Recommend(request).Items.Count;
        }

        return items;
    }

    [Benchmark(OperationsPerInvoke = Variants, Description = "render + validate + JSON")]
    public int RenderValidateSerialize()
    {
        var bytes = 0;
        foreach (var reply in _replies)
        {
            var response = InteractionResponse.Message(ReplyRenderer.Render(reply, new RenderContext(53908232506183680)));
            bytes += MessageValidator.Validate(response).Count;
            bytes += JsonSerializer.SerializeToUtf8Bytes(response, DiscordJson.Options).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Variants, Description = "whole handler, in-memory HTTP")]
    public async Task<int> HandleInteraction()
    {
        var answered = 0;
        foreach (var interaction in _interactions)
        {
            var session = await _handler.HandleAsync(interaction, Stopwatch.GetTimestamp(), CancellationToken.None);
            answered += session.State == InteractionState.Answered ? 1 : 0;
        }

        return answered == Variants ? answered : throw new InvalidOperationException($"Only {answered} of {Variants} interactions were answered.");
    }

    /// <summary>As the shard does: the envelope parsed once, then its <c>d</c> read into the model.</summary>
    private static Interaction ReadInteraction(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement.GetProperty("d").Deserialize<Interaction>(DiscordJson.Options)
            ?? throw new JsonException("INTERACTION_CREATE without data.");
    }

    /// <summary>Discord's answer to an interaction callback (204), without a socket.</summary>
    private sealed class AcceptingCallbacks : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri?.AbsolutePath.EndsWith("/callback", StringComparison.Ordinal) == true
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent))
                : throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}.");
    }
}
