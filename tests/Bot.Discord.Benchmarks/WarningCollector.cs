using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Benchmarks;

/// <summary>Keeps the bot's warnings and errors, so a run that only looked fast because it failed is visible.</summary>
internal sealed class WarningCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(WarningCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            }
        }
    }
}
