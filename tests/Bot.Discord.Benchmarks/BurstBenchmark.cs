using System.Diagnostics;
using System.Globalization;
using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Hosting;
using Bot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Benchmarks;

/// <summary>Latencies of one burst, in milliseconds from the gateway's local receipt.</summary>
internal sealed record BurstResult(
    Percentiles ToCallbackSent, Percentiles ToHandlerStart, Percentiles ToCallbackAnswered, Percentiles ToReplySent, double PushMilliseconds, int Deferred, int Ephemeral);

internal sealed record BurstReport(
    BurstResult Cold, IReadOnlyList<BurstResult> Warm, Percentiles WarmToCallbackSent, Percentiles WarmToCallbackAnswered, Percentiles WarmToReplySent, IReadOnlyList<string> Problems);

/// <summary>
/// The real bot host (as <c>dotnet run --project src/Bot</c> composes it) in this process, connected to the
/// loopback fake Discord. Bursts of <c>/recommend</c> INTERACTION_CREATE frames are written to the gateway
/// socket back to back; for each interaction the time from the shard's receipt timestamp to the moment its
/// callback POST enters the REST client's HTTP pipeline is recorded.
/// </summary>
internal static class BurstBenchmark
{
    private const string CallbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback";
    private const string EditRoute = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <param name="burstSize">Interactions per burst.</param>
    /// <param name="warmBursts">Bursts measured after the first (cold) one.</param>
    /// <param name="settings">Extra configuration for the bot (what-if runs, e.g. Discord:DeferAfter).</param>
    /// <param name="output">Progress lines.</param>
    public static async Task<BurstReport> RunAsync(int burstSize, int warmBursts, IReadOnlyDictionary<string, string> settings, TextWriter output)
    {
        await using var rest = await FakeRestServer.StartAsync();
        await using var gateway = await FakeGateway.StartAsync();
        rest.GatewayUrl = gateway.GatewayUrl.ToString();
        var timings = new InteractionTimings();
        var warnings = new WarningCollector();
        var builder = DiscordBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = FakeDiscordToken.Value,
            ["Discord:RestBaseUrl"] = rest.BaseUrl.ToString(),
            ["Discord:GatewayUrl"] = gateway.GatewayUrl.ToString(),
            ["Discord:ShardCount"] = "1",
            ["Discord:HealthFile"] = "",
            ["Catalog:DataDirectory"] = Repository.DataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(warnings);
        using var host = DiscordBotHost.Build(builder, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IGatewayEventHandler>(
                sp => new ReceiptRecordingHandler(sp.GetRequiredService<DiscordGatewayHandler>(), timings)));
            services.AddHttpClient(DiscordRestClient.HttpClientName).AddHttpMessageHandler(() => new CallbackTimingHandler(timings));
        });
        using var stop = new CancellationTokenSource();
        using var error = new StringWriter();
        var run = DiscordBotHost.RunAsync(host, error, stop.Token);
        try
        {
            var registration = host.Services.GetRequiredService<CommandRegistrationCoordinator>();
            var identity = host.Services.GetRequiredService<BotIdentity>();
            await WaitAsync(() => (identity.BotUserId is not null && registration.IsRegistered) || run.IsCompleted, "READY and command registration");
            if (run.IsCompleted)
            {
                throw new InvalidOperationException("The bot stopped during start-up: " + error);
            }

            var connection = gateway.Connections[^1];
            var sequence = gateway.Sequence;
            var nextId = 1_200_000_000_000_000_000UL;

            var warmIds = new List<ulong>();

            async Task<BurstResult> BurstAsync(string name, List<ulong>? keepIds)
            {
                var requests = Enumerable.Range(0, burstSize).Select(SlashCommands.Options).ToList();
                var ids = requests.Select(_ => nextId++).ToList();
                keepIds?.AddRange(ids);
                var frames = requests.Select((r, i) => SlashCommands.Dispatch("INTERACTION_CREATE", SlashCommands.Recommend(ids[i], r), ++sequence)).ToList();
                var pushStarted = Stopwatch.GetTimestamp();
                foreach (var frame in frames)
                {
                    await connection.SendAsync(frame);
                }

                var pushMilliseconds = Stopwatch.GetElapsedTime(pushStarted).TotalMilliseconds;
                await WaitAsync(() => ids.All(id => timings.TryGet(id, out var t) && t.CallbackAnswered != 0) || run.IsCompleted, $"{name}: every callback");

                // The next burst starts only when every deferred reply of this one has been edited in.
                await WaitAsync(() => ids.All(id => timings.TryGet(id, out var t) && t.ReplySent != 0) || run.IsCompleted, $"{name}: every reply");
                var result = Summarize(ids, timings, pushMilliseconds);
                await output.WriteLineAsync($"  {name,-8} receipt→callback sent {result.ToCallbackSent}  (push {pushMilliseconds:0.0} ms; last reply {result.ToReplySent.Max:0} ms)");
                await Task.Delay(TimeSpan.FromMilliseconds(300));
                return result;
            }

            var cold = await BurstAsync("cold", null);
            var warm = new List<BurstResult>();
            for (var i = 1; i <= warmBursts; i++)
            {
                warm.Add(await BurstAsync($"warm {i}", warmIds));
            }

            var problems = new List<string>();
            var answeredPerInteraction = rest.RequestsTo("POST", CallbackRoute)
                .GroupBy(r => r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1])
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var expected = burstSize * (warmBursts + 1);
            if (answeredPerInteraction.Count != expected || answeredPerInteraction.Values.Any(c => c != 1))
            {
                problems.Add($"callbacks: {answeredPerInteraction.Count} interactions answered of {expected}, {answeredPerInteraction.Values.Count(c => c > 1)} answered more than once");
            }

            var edits = rest.RequestsTo("PATCH", EditRoute).Count;
            var deferred = warm.Append(cold).Sum(b => b.Deferred);
            if (edits != deferred)
            {
                problems.Add($"{deferred} interactions deferred but {edits} original responses edited");
            }

            var dropped = host.Services.GetRequiredService<ShardRegistry>().Shards.Sum(s => s.DroppedDispatches);
            if (dropped > 0)
            {
                problems.Add($"{dropped} dispatches dropped");
            }

            problems.AddRange(warnings.Lines.Take(10));
            return new BurstReport(
                cold,
                warm,
                Percentiles.Of(warmIds.Select(id => Between(timings, id, t => t.Receipt, t => t.CallbackSent))),
                Percentiles.Of(warmIds.Select(id => Between(timings, id, t => t.Receipt, t => t.CallbackAnswered))),
                Percentiles.Of(warmIds.Select(id => Between(timings, id, t => t.Receipt, t => t.ReplySent))),
                problems);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static BurstResult Summarize(IReadOnlyList<ulong> ids, InteractionTimings timings, double pushMilliseconds)
    {
        var all = ids.Select(id => timings.TryGet(id, out var t) ? t : throw new InvalidOperationException($"No timing for {id}.")).ToList();
        return new BurstResult(
            Percentiles.Of(all.Select(t => InteractionTiming.Milliseconds(t.Receipt, t.CallbackSent))),
            Percentiles.Of(all.Select(t => InteractionTiming.Milliseconds(t.Receipt, t.HandlerStart))),
            Percentiles.Of(all.Select(t => InteractionTiming.Milliseconds(t.Receipt, t.CallbackAnswered))),
            Percentiles.Of(all.Select(t => InteractionTiming.Milliseconds(t.Receipt, t.ReplySent))),
            pushMilliseconds,
            all.Count(t => t.CallbackType == 5),
            all.Count(t => t.Ephemeral));
    }

    private static double Between(InteractionTimings timings, ulong id, Func<InteractionTiming, long> from, Func<InteractionTiming, long> to) =>
        timings.TryGet(id, out var t) ? InteractionTiming.Milliseconds(from(t), to(t)) : throw new InvalidOperationException($"No timing for {id}.");

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Timed out after {Patience.TotalSeconds} s waiting for {what}."));
            }

            await Task.Delay(5);
        }
    }
}

/// <summary>A well-formed bot token (three base64url parts) that only the loopback fake ever sees.</summary>
internal static class FakeDiscordToken
{
    public const string Value = "MTE5ODc2NTQzMjEwOTg3NjU0Mw.BnchMk.loopbackOnly_notARealToken_0123456789";
}
