using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Persistence;
using Quartz;

namespace OobcCalendar.TestHost;

/// <summary>
/// Composition and entry point of the probe host. Child-process protocol: stdout carries only protocol
/// lines (<c>READY</c>, <c>LIVE topic key</c>, <c>SENT key</c>, <c>ROLLEDBACK key</c>, <c>FIRED time</c>, <c>DECLARED trigger next</c>,
/// <c>ERROR ...</c>); logs go to stderr. READY comes once the host, including its Quartz scheduler, runs.
/// In serve mode stdin takes commands, one per line:
/// <c>notify TOPIC KEY</c> (NotifyLive + SaveChanges), <c>notify-to TOPIC KEY ID[,ID...]</c> (same, for those users only),
/// <c>notify-rollback TOPIC KEY</c> (same, rolled back),
/// <c>publish TOPIC KEY</c> (ILiveUpdates.PublishAsync), <c>quit</c>. End of stdin also stops the host.
/// </summary>
public static class ProbeProgram
{
    /// <summary>The probe's services on the Shared building blocks, as a module would register them.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = "OobcCalendar.TestHost",
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Default (e.g. --ConnectionStrings:Default=...).");
        var options = ProbeOptions.From(configuration);
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ProbeBehaviour>();
        services.AddOobcPersistence(connectionString);
        services.AddModuleDbContext<ProbeDbContext>(ProbeDbContext.SchemaName);
        services.AddOobcMessaging(configuration);
        services.AddOobcScheduler(configuration, connectionString);
        services.AddIntegrationEventHandler<ProbeHappened, ProbeConsumer>();
        if (!string.IsNullOrWhiteSpace(options.JobCron))
        {
            services.AddRecurringJob<ProbeTickJob>("probe-tick", options.JobCron, TimeZoneInfo.Utc);
            services.ConfigureAllQuartzSchedulers(q => q.AddSchedulerListener<ProbeSchedulerListener>());
        }

        return builder;
    }

    /// <summary>Migrates the probe schema (and creates the quartz schema) the way the real host does at start-up.</summary>
    public static Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

    /// <summary>Runs the probe as a process.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = CreateBuilder(args);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var options = ProbeOptions.From(builder.Configuration);

        if (string.Equals(options.Mode, "publish", StringComparison.OrdinalIgnoreCase))
        {
            using var oneShot = builder.Build();
            await oneShot.Services.GetRequiredService<ILiveUpdates>().PublishAsync(new LiveUpdate(options.Topic, options.Key), CancellationToken.None);
            await Console.Out.WriteLineAsync($"SENT {options.Key}");
            return 0;
        }

        builder.Services.AddHostedService<LivePrinter>();
        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var built = Environment.TickCount64;
        if (options.Migrate)
        {
            await PrepareDatabaseAsync(host.Services, CancellationToken.None);
        }

        var migrated = Environment.TickCount64;
        await host.StartAsync();
        if (builder.Configuration.GetValue("Scheduler:Enabled", defaultValue: true))
        {
            // Quartz starts after ApplicationStarted (AwaitApplicationStarted): READY means it runs,
            // with this host's trigger declarations already stored.
            await WaitForSchedulerAsync(host.Services, lifetime.ApplicationStopping);
        }

        var started = Environment.TickCount64;
        var processStart = new DateTimeOffset(System.Diagnostics.Process.GetCurrentProcess().StartTime).ToUnixTimeMilliseconds();
        await Console.Error.WriteLineAsync(
            $"startup: built at {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - processStart - (started - built)} ms, migrate {migrated - built} ms, start {started - migrated} ms");
        await Console.Out.WriteLineAsync($"READY {options.Instance} {Environment.ProcessId}");
        await CommandLoopAsync(host.Services, lifetime.ApplicationStopping);
        await host.StopAsync();
        return 0;
    }

    private static async Task WaitForSchedulerAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await scheduler.GetStatus(timeout.Token) != SchedulerStatus.Running)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task CommandLoopAsync(IServiceProvider services, CancellationToken stopping)
    {
        var stopped = Task.Delay(Timeout.Infinite, stopping);
        while (!stopping.IsCancellationRequested)
        {
            var read = Console.In.ReadLineAsync(stopping).AsTask();
            if (await Task.WhenAny(read, stopped) == stopped)
            {
                return;
            }

            var line = await read;
            if (line is null || line.Trim() == "quit")
            {
                return;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            try
            {
                await RunCommandAsync(services, parts, stopping);
            }
#pragma warning disable CA1031 // A bad command is reported on the protocol, not fatal.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await Console.Out.WriteLineAsync($"ERROR {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }
    }

    private static async Task RunCommandAsync(IServiceProvider services, string[] parts, CancellationToken cancellationToken)
    {
        var (command, topic, key) = (parts[0], parts.ElementAtOrDefault(1) ?? "probe", parts.ElementAtOrDefault(2) ?? "key");
        var contexts = services.GetRequiredService<IDbContextFactory<ProbeDbContext>>();
        switch (command)
        {
            case "notify":
                {
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    db.NotifyLive(new LiveUpdate(topic, key));
                    await db.SaveChangesAsync(cancellationToken);
                    await Console.Out.WriteLineAsync($"SENT {key}");
                    break;
                }

            case "notify-to":
                {
                    var audience = (parts.ElementAtOrDefault(3) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    db.NotifyLive(new LiveUpdate(topic, key, Audience: audience));
                    await db.SaveChangesAsync(cancellationToken);
                    await Console.Out.WriteLineAsync($"SENT {key}");
                    break;
                }

            case "notify-rollback":
                {
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    db.NotifyLive(new LiveUpdate(topic, key));
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.RollbackAsync(cancellationToken);
                    await Console.Out.WriteLineAsync($"ROLLEDBACK {key}");
                    break;
                }

            case "publish":
                await services.GetRequiredService<ILiveUpdates>().PublishAsync(new LiveUpdate(topic, key), cancellationToken);
                await Console.Out.WriteLineAsync($"SENT {key}");
                break;

            default:
                await Console.Out.WriteLineAsync($"ERROR unknown command '{command}'");
                break;
        }
    }

    /// <summary>Prints every live notice on the configured topics as <c>LIVE topic key</c>.</summary>
    private sealed class LivePrinter(ILiveUpdates liveUpdates, ProbeOptions options) : IHostedService, IDisposable
    {
        private IDisposable? subscription;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var topics = options.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            subscription = liveUpdates.Subscribe(topics, update => Console.Out.WriteLineAsync($"LIVE {update.Topic} {update.Key}"));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => subscription?.Dispose();
    }
}
