using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Notifications.Delivery;

/// <summary>
/// Sends due e-mail rows in the background, off every request path. Each round claims a small batch with
/// FOR UPDATE SKIP LOCKED (several hosts share the work, no row is sent by two at once), sends it over one
/// connection and records each outcome in the same transaction: Sent with the time, or attempts + 1, the error and
/// an exponential backoff, and DeadLetter after <c>Notifications:MaxAttempts</c>. A host killed mid-round leaves its
/// rows unclaimed for the next (at most the message in flight may go twice). Woken by NOTIFY on insert, and polls.
/// </summary>
internal sealed class OutgoingMessageSender(
    IDbContextFactory<NotificationsDbContext> contexts,
    IMailTransport transport,
    ILiveUpdates liveUpdates,
    TimeProvider clock,
    IOptions<NotificationsOptions> options,
    ILogger<OutgoingMessageSender> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = liveUpdates.Subscribe([NotificationsTopics.Outgoing], _ =>
        {
            Wake();
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var rounds = Math.Max(1, options.Value.SenderConcurrency);
                var claimed = await Task.WhenAll(Enumerable.Range(0, rounds).Select(_ => SendDueAsync(stoppingToken)));
                full = claimed.Any(c => c == options.Value.BatchSize);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be briefly away; the next round tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Mail round failed");
            }

            if (full)
            {
                continue; // more may be due: no waiting
            }

            try
            {
                await wake.WaitAsync(await NextWaitAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Until the next row comes due (reminders are queued seconds ahead with their due time), at most the poll interval,
    /// so a reminder leaves on its minute rather than up to a poll later.
    /// </summary>
    private async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        var poll = options.Value.PollInterval;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var next = await db.OutgoingMessages
                .Where(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Failed)
                .MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, cancellationToken);
            var until = next is { } at ? at - clock.GetUtcNow() : poll;
            // A floor, so rows due but held by another host's round (SKIP LOCKED) do not make this loop spin.
            var floor = TimeSpan.FromMilliseconds(50);
            return until < floor ? floor : until < poll ? until : poll;
        }
#pragma warning disable CA1031 // The database may be briefly away: poll as before.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return poll;
        }
    }

    /// <summary>Asks the sender to look now.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one look covers any number of rows.
        }
    }

    /// <summary>Claims, sends and records one batch; returns how many rows it claimed.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.OutgoingMessages
            .FromSqlRaw(
                """
                SELECT * FROM notifications.outgoing_messages
                WHERE status IN ('Pending', 'Failed') AND next_attempt_at <= {0}
                ORDER BY next_attempt_at, id LIMIT {1} FOR UPDATE SKIP LOCKED
                """,
                now.ToUniversalTime(),
                settings.BatchSize)
            .AsTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var ids = rows.Select(r => r.Id).ToList();
        // Loading them attaches each to its tracked message's Attachments.
        await db.OutgoingAttachments.Where(a => ids.Contains(a.MessageId)).AsTracking().LoadAsync(cancellationToken);

        IMailSession? session = null;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Mail server unreachable; {Count} message(s) wait for a retry", rows.Count);
            foreach (var row in rows)
            {
                Fail(row, ex, now);
            }
        }

        if (session is not null)
        {
            await using (session)
            {
                foreach (var row in rows)
                {
                    try
                    {
                        await session.SendAsync(MimeMessages.Build(row, settings.Smtp.From), cancellationToken);
                        row.Status = MessageStatus.Sent;
                        row.SentAt = clock.GetUtcNow();
                        row.Attempts++;
                        row.LastError = null;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        logger.LogWarning(ex, "Sending message {Id} failed, attempt {Attempt}", row.Id, row.Attempts + 1);
                        Fail(row, ex, now);
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private void Fail(OutgoingMessage row, Exception error, DateTimeOffset now)
    {
        var settings = options.Value;
        row.Attempts++;
        row.LastError = error.Message.Length > 4000 ? error.Message[..4000] : error.Message;
        if (row.Attempts >= settings.MaxAttempts)
        {
            row.Status = MessageStatus.DeadLetter;
            logger.LogError("Message {Id} to {Email} dead-lettered after {Attempts} attempts: {Error}", row.Id, row.RecipientEmail, row.Attempts, row.LastError);
            return;
        }

        row.Status = MessageStatus.Failed;
        row.NextAttemptAt = now + settings.RetryDelay(row.Attempts, Random.Shared.NextDouble());
    }
}
