using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Shared.LiveUpdates;

/// <summary>
/// Holds one connection per host that LISTENs on the live and outbox channels. NOTIFY is transactional
/// in PostgreSQL, so what arrives here was committed, by this host or any other on the same database.
/// </summary>
internal sealed class PostgresNotificationListener(
    NpgsqlDataSource dataSource,
    LiveUpdateHub hub,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider,
    ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (start-up waits for it, so no early notice is missed).</summary>
    public Task Listening => listening.Task;

    /// <summary>Returns once LISTEN is in place, so a notice committed after the host has started is never missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Listening.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(200);
        var firstConnection = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveUpdateChannels.Live}; LISTEN {LiveUpdateChannels.Outbox}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening.TrySetResult();
                if (!firstConnection)
                {
                    // Notices sent while we were away are lost: tell every screen to re-query.
                    hub.Dispatch(new LiveUpdate(LiveUpdate.ResyncTopic));
                    outboxSignal.Wake();
                }

                firstConnection = false;
                retryDelay = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any connection failure: log, back off, reconnect.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Notification connection lost; reconnecting in {Delay}", retryDelay);
                await Task.Delay(retryDelay, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == LiveUpdateChannels.Outbox)
        {
            // The payload is the schema whose outbox got rows (ModuleDbContext).
            outboxSignal.Wake(string.IsNullOrEmpty(e.Payload) ? null : e.Payload);
            return;
        }

        try
        {
            var update = JsonSerializer.Deserialize<LiveUpdate>(e.Payload, LiveUpdate.Json);
            if (update is not null)
            {
                hub.Dispatch(update);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed live-update payload");
        }
    }
}
