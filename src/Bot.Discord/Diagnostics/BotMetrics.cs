using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Discord.Diagnostics;

/// <summary>
/// The bot's one <see cref="Meter"/> (<see cref="MeterName"/>) and every instrument on it, exported for Prometheus
/// at <c>/metrics</c>. Made by the host's <see cref="IMeterFactory"/>, so two hosts in one process (tests) keep
/// separate counts.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "DsReadingBot";

    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _interactionDuration;
    private readonly Counter<long> _deferrals;
    private readonly Counter<long> _freeText;
    private readonly Counter<long> _gatewaySessions;
    private readonly Counter<long> _restRequests;
    private readonly Counter<long> _restRateLimited;
    private readonly Histogram<double> _databaseDuration;
    private readonly Counter<long> _databaseErrors;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _interactions = Meter.CreateCounter<long>("bot.interactions", "{interaction}", "Interactions handled, by command and outcome.");
        _interactionDuration = Meter.CreateHistogram<double>(
            "bot.interaction.duration", "s", "From receipt to the initial response, by command and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5] });
        _deferrals = Meter.CreateCounter<long>("bot.interaction.deferrals", "{interaction}", "Interactions answered with a deferral first, by command.");
        _freeText = Meter.CreateCounter<long>("bot.free_text.messages", "{message}", "Free-text messages, by outcome (answered or silent).");
        _gatewaySessions = Meter.CreateCounter<long>("bot.gateway.sessions", "{event}", "Gateway identifies, resumes and reconnects, by shard.");
        _restRequests = Meter.CreateCounter<long>("bot.rest.requests", "{request}", "REST requests sent, by route bucket and status.");
        _restRateLimited = Meter.CreateCounter<long>("bot.rest.rate_limited", "{response}", "REST 429 responses, by route bucket.");
        _databaseDuration = Meter.CreateHistogram<double>(
            "bot.db.duration", "s", "Storage transactions, by operation (read or write) and outcome (ok or error).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _databaseErrors = Meter.CreateCounter<long>("bot.db.errors", "{transaction}", "Storage transactions that failed, by operation.");
    }

    /// <param name="operation"><c>read</c> or <c>write</c>.</param>
    public void DatabaseTransaction(string operation, TimeSpan elapsed, bool failed)
    {
        _databaseDuration.Record(elapsed.TotalSeconds, new TagList { { "operation", operation }, { "outcome", failed ? "error" : "ok" } });
        if (failed)
        {
            _databaseErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    public Meter Meter { get; }

    /// <param name="command">Command name, <c>component</c>, <c>autocomplete</c>…</param>
    /// <param name="outcome">How the session ended: answered, deferred, edited, expired, failed…</param>
    /// <param name="elapsed">Receipt to initial response.</param>
    public void InteractionHandled(string command, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "outcome", outcome } };
        _interactions.Add(1, tags);
        _interactionDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void InteractionDeferred(string command) => _deferrals.Add(1, new KeyValuePair<string, object?>("command", command));

    /// <param name="answered">True when the message got an answer, false for silence.</param>
    public void FreeTextHandled(bool answered) => _freeText.Add(1, new KeyValuePair<string, object?>("outcome", answered ? "answered" : "silent"));

    /// <param name="shardId">Shard.</param>
    /// <param name="kind"><c>identify</c>, <c>resume</c> or <c>reconnect</c>.</param>
    public void GatewaySession(int shardId, string kind) =>
        _gatewaySessions.Add(1, new TagList { { "shard", shardId }, { "kind", kind } });

    public void RestRequest(string bucket, int status)
    {
        _restRequests.Add(1, new TagList { { "route", bucket }, { "status", status } });
        if (status == 429)
        {
            _restRateLimited.Add(1, new KeyValuePair<string, object?>("route", bucket));
        }
    }
}
