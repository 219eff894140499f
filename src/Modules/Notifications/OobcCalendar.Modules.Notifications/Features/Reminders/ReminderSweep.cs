using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Messages.Events;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Users;
using Quartz;

namespace OobcCalendar.Modules.Notifications.Features.Reminders;

/// <summary>
/// The one reminder job (every 20 s, clustered, never two at once): extends each live event's horizon, then claims due
/// reminders with <c>FOR UPDATE SKIP LOCKED</c> in batches and hands each to <see cref="NotificationDispatcher"/> with
/// the key (event, occurrence start, offset), so a reminder is enqueued once however often sweeps run or hosts die.
/// A reminder that came due while no host ran is sent if its occurrence has not started, else dropped (ADR 0035).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReminderSweep(
    IDbContextFactory<NotificationsDbContext> contexts,
    NotificationDispatcher dispatcher,
    IUserDirectory directory,
    TimeProvider clock,
    ILogger<ReminderSweep> logger) : IJob
{
    public const string Name = "notifications.reminders";

    /// <summary>Every 20 seconds.</summary>
    public const string Cron = "0/20 * * * * ?";

    /// <summary>Reminders claimed per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// How far ahead of its due time a reminder is claimed: longer than the sweep's period, so each is already queued
    /// (with its due time as earliest send time) when it comes due, and lag is the sender's, not the sweep's period.
    /// </summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(60);

    /// <summary>Events whose horizon is re-planned per sweep (the rest wait for the next sweep).</summary>
    public const int ExtendPerSweep = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken);
        if (result.Sent + result.Dropped + result.Extended > 0)
        {
            logger.LogInformation("Reminders: {Sent} sent, {Dropped} dropped (started before a sweep saw them), {Extended} events extended", result.Sent, result.Dropped, result.Extended);
        }
    }

    /// <summary>One sweep: extend horizons, then drain everything due now.</summary>
    public async Task<ReminderSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Due rows first, so what came due while no host ran is sent or dropped (recorded) before re-planning would
        // delete it; then the horizons move on, and what they add that is due already goes out in this sweep too.
        var (sent, dropped) = await DrainAsync(now, cancellationToken);
        var extended = await ExtendHorizonsAsync(now, cancellationToken);
        if (extended > 0)
        {
            var (moreSent, moreDropped) = await DrainAsync(now, cancellationToken);
            (sent, dropped) = (sent + moreSent, dropped + moreDropped);
        }

        return new ReminderSweepResult(sent, dropped, extended);
    }

    private async Task<(int Sent, int Dropped)> DrainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        int sent = 0, dropped = 0;
        while (true)
        {
            var (batchSent, batchDropped) = await SendBatchAsync(now, cancellationToken);
            sent += batchSent;
            dropped += batchDropped;
            if (batchSent + batchDropped < BatchSize)
            {
                return (sent, dropped);
            }
        }
    }

    private async Task<int> ExtendHorizonsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Re-plan when less than half the horizon is left; single events that have started need nothing more.
        var threshold = now + ReminderPlanner.Horizon / 2;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var events = await db.KnownEvents
            .FromSql($"SELECT * FROM notifications.known_events WHERE NOT cancelled AND reminders_until < {threshold} AND (recurrence_rule IS NOT NULL OR start_utc > {now}) ORDER BY reminders_until LIMIT {ExtendPerSweep} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var known in events)
        {
            await ReminderPlanner.ReplanAsync(db, known, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private async Task<(int Sent, int Dropped)> SendBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.DueReminders
            .FromSql($"SELECT * FROM notifications.due_reminders WHERE status = 'Pending' AND due_at_utc <= {now + Lookahead} ORDER BY due_at_utc LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var eventIds = due.Select(r => r.EventId).Distinct().ToList();
        var events = await db.KnownEvents.AsNoTracking().Where(e => eventIds.Contains(e.EventId)).ToDictionaryAsync(e => e.EventId, cancellationToken);
        var recipients = (await Recipient.LoadAsync(directory, due.Select(r => r.UserId), cancellationToken)).ToDictionary(r => r.UserId);
        int sent = 0, dropped = 0;
        foreach (var reminder in due)
        {
            reminder.HandledAt = now;
            if (reminder.StartsAtUtc <= now || !events.TryGetValue(reminder.EventId, out var known))
            {
                reminder.Status = DueReminderStatus.Dropped;
                dropped++;
                continue;
            }

            var end = reminder.StartsAtUtc + (known.EndUtc - known.StartUtc);
            var model = new EventReminderModel(known.EventId, known.Title, known.Location, reminder.StartsAtUtc, end, reminder.OffsetMinutes);
            await dispatcher.EnqueueAsync(db, recipients[reminder.UserId], model, reminder.MessageKey, causeEventId: null, notBefore: reminder.DueAtUtc, cancellationToken: cancellationToken);
            reminder.Status = DueReminderStatus.Sent;
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (sent, dropped);
    }
}

/// <summary>What one sweep did.</summary>
internal sealed record ReminderSweepResult(int Sent, int Dropped, int Extended);
