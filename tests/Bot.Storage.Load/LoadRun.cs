using System.Diagnostics;
using Bot.Application;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.Recommendation;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage.Load;

internal sealed record LoadSettings(int Readers, TimeSpan Duration, int ThinkMilliseconds, int Seed, string? JournalPath);

internal sealed record LoadResult(
    int Presses,
    int Acknowledged,
    int Refused,
    int Failed,
    string? FirstFailure,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    IReadOnlyDictionary<string, int> ByAction,
    int ReadersWhoPressed)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;
}

/// <summary>
/// Simulated readers pressing the buttons under a recommendation page, each press through <see cref="ReaderAssistant"/>
/// exactly as the Discord adapter calls it: Save (<c>SaveAsync</c> with the item id), Read (<c>MarkReadAsync</c>) and a
/// feedback choice (<c>VoteAsync</c>). Each reader presses one button at a time, then waits an exponentially
/// distributed think time (0: none, the store is saturated). One vote press in ten is a double click: the same vote
/// sent twice at once.
/// </summary>
internal static class LoadRun
{
    public const int Servers = 10;
    public const ulong FirstServerId = 7_001;
    public const ulong FirstReaderId = 100_000;

    private static readonly Level?[] Levels = [null, Level.Beginner, Level.Intermediate, Level.Advanced];
    private static readonly FeedbackChoice[] Choices = Enum.GetValues<FeedbackChoice>();

    /// <summary>The real catalog and engine, built once per process.</summary>
    public static ReadingAssistant BuildAssistant() =>
        new(new RecommendationEngine(CatalogLoader.LoadOrThrow(Bot.Testing.Repository.DataDirectory)));

    /// <summary>Half the servers allow training on their feedback, so <c>model train --with-feedback</c> has a mix.</summary>
    public static async Task ConfigureServersAsync(IServiceProvider services)
    {
        var servers = services.GetRequiredService<IServerStore>();
        for (var i = 0; i < Servers; i++)
        {
            await servers.SaveConfigAsync(ServerConfig.Default(FirstServerId + (ulong)i) with { TrainingOptIn = i % 2 == 0 }, CancellationToken.None);
        }
    }

    public static async Task<LoadResult> RunAsync(ReaderAssistant readers, LoadSettings settings, AckJournal journal, Action? started = null)
    {
        var items = readers.Catalog.Resources.Where(r => r.Topics.Count > 0).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var latencies = new List<double>[settings.Readers];
        var counters = new int[4];
        var byAction = new int[3];
        string? firstFailure = null;
        var stopwatch = Stopwatch.StartNew();

        async Task Reader(int index)
        {
            var random = new Random(settings.Seed * 7919 + index);
            var readerId = FirstReaderId + (ulong)index;

            // One reader in ten uses the bot in DMs; the others in one server.
            ulong? server = index % 10 == 9 ? null : FirstServerId + (ulong)(index % Servers);
            var who = new ReaderContext(readerId, server, 1);
            var level = Levels[index % Levels.Length];
            var mine = latencies[index] = new List<double>(4096);
            if (settings.ThinkMilliseconds > 0)
            {
                // Readers arrive spread over one think time rather than all pressing at the first instant.
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * settings.ThinkMilliseconds));
            }

            while (stopwatch.Elapsed < settings.Duration)
            {
                // Each press is its own work item, as each Discord interaction is: a store call that completes
                // synchronously (Microsoft.Data.Sqlite) must not let one reader run a loop while the others wait.
                // The press is timed from before it is queued, so waiting for a thread counts as handling time.
                var pressed = Stopwatch.GetTimestamp();
                await Task.Yield();
                var item = items[random.Next(items.Count)];
                var action = random.Next(100);
                try
                {
                    if (action < 35)
                    {
                        Interlocked.Increment(ref byAction[0]);
                        var reply = await readers.SaveAsync(who, item.Id, CancellationToken.None);
                        Count(reply.Intent == Intent.Save, () => journal.Saved(readerId, item.Id));
                    }
                    else if (action < 60)
                    {
                        Interlocked.Increment(ref byAction[1]);
                        var reply = await readers.MarkReadAsync(who, item.Id, null, CancellationToken.None);
                        Count(reply.Intent == Intent.Read, () => journal.Read(readerId, item.Id));
                    }
                    else
                    {
                        Interlocked.Increment(ref byAction[2]);

                        // Votes go to the few items of "this reader's page", so choices are often repeated or changed.
                        var voted = items[(index * 7 + random.Next(5)) % items.Count];
                        var choice = Choices[random.Next(Choices.Length)];
                        var feedback = new FeedbackRequest(voted.Id, choice, [voted.Topics[0]], level, null, 1, 1 + random.Next(5));
                        Reply reply;
                        if (random.Next(10) == 0)
                        {
                            var twice = await Task.WhenAll(readers.VoteAsync(who, feedback, CancellationToken.None), readers.VoteAsync(who, feedback, CancellationToken.None));
                            reply = twice.All(r => r.Intent == Intent.Feedback) ? twice[0] : twice.First(r => r.Intent != Intent.Feedback);
                        }
                        else
                        {
                            reply = await readers.VoteAsync(who, feedback, CancellationToken.None);
                        }

                        Count(reply.Intent == Intent.Feedback, () => journal.Voted(readerId, voted.Id, feedback.RequestText, choice));
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref counters[3]);
                    Interlocked.CompareExchange(ref firstFailure, ex.GetType().Name + ": " + ex.Message, null);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(pressed).TotalMilliseconds);
                if (settings.ThinkMilliseconds > 0)
                {
                    var think = TimeSpan.FromMilliseconds(-Math.Log(1 - random.NextDouble()) * settings.ThinkMilliseconds);
                    var left = settings.Duration - stopwatch.Elapsed;
                    if (left > TimeSpan.Zero)
                    {
                        await Task.Delay(think < left ? think : left);
                    }
                }
            }
        }

        void Count(bool acknowledged, Action record)
        {
            Interlocked.Increment(ref counters[0]);
            if (acknowledged)
            {
                record();
                Interlocked.Increment(ref counters[1]);
            }
            else
            {
                Interlocked.Increment(ref counters[2]);
            }
        }

        started?.Invoke();
        await Task.WhenAll(Enumerable.Range(0, settings.Readers).Select(i => Task.Run(() => Reader(i))));
        var elapsed = stopwatch.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(
            counters[0] + counters[3],
            counters[1],
            counters[2],
            counters[3],
            firstFailure,
            elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            all.Length > 0 ? all[^1] : 0,
            new Dictionary<string, int> { ["save"] = byAction[0], ["read"] = byAction[1], ["vote"] = byAction[2] },
            latencies.Count(l => l.Count > 0));
    }

    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
