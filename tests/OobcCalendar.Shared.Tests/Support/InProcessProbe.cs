using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.TestHost;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>The probe host running inside the test process (same composition as the child process).</summary>
public sealed class InProcessProbe : IAsyncDisposable
{
    private readonly IHost host;

    private InProcessProbe(IHost host, LogCapture log)
    {
        this.host = host;
        Log = log;
    }

    public IServiceProvider Services => host.Services;

    public ProbeBehaviour Behaviour => Services.GetRequiredService<ProbeBehaviour>();

    public ILiveUpdates LiveUpdates => Services.GetRequiredService<ILiveUpdates>();

    public OutboxAdministration Administration => Services.GetRequiredService<OutboxAdministration>();

    /// <summary>Warnings and errors the host logged (shown when a wait times out).</summary>
    public LogCapture Log { get; }

    /// <summary>Settings every test host starts from: quiet, quick polling, no scheduler unless asked.</summary>
    public static Dictionary<string, string?> QuietSettings(string connectionString) => new()
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Scheduler:Enabled"] = "false",
        ["Outbox:PollInterval"] = "00:00:00.100",
        ["Outbox:BaseRetryDelay"] = "00:00:00.050",
    };

    /// <summary>Builds and starts a probe host on an already migrated database.</summary>
    public static async Task<InProcessProbe> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = QuietSettings(connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = ProbeProgram.CreateBuilder([], values);
        var log = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessProbe(host, log);
    }

    public ProbeDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>Keeps warnings and errors in memory.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public override string ToString() => string.Join(Environment.NewLine, entries.TakeLast(30));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
