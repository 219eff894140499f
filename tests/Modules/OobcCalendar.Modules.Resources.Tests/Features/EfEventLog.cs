using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>Keeps the event ids of the warnings EF Core logs in the fixture's host, so a test can say one never appeared.</summary>
public sealed class EfEventLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> warnings = new();

    /// <summary>Every EF warning so far (EF logs a query's warnings once, when it compiles it, whichever test ran it first).</summary>
    public IReadOnlyList<(EventId Id, string Message)> Warnings => [.. warnings];

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ? new Logger(warnings) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(EventId, string)> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                warnings.Enqueue((eventId, formatter(state, exception)));
            }
        }
    }
}
