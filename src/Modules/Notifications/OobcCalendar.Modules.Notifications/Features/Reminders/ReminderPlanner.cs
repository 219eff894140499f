using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Messages.Events;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Notifications.Features.Reminders;

/// <summary>
/// Rewrites an event's pending reminders from the read model: for each live occurrence starting in the horizon, each
/// expected person who has not declined it, and each offset (the event's, else the person's defaults), one row due at
/// start − offset, if that is inside the horizon. Sent and dropped rows stay, so rewriting never sends twice; a moved
/// occurrence has a new start and so gets new rows (ADR 0035).
/// </summary>
internal static class ReminderPlanner
{
    /// <summary>How far ahead reminders are written; the sweep extends it.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(48);

    /// <summary>Run inside the caller's transaction (the consumer's or the sweep's); writes at once.</summary>
    public static async Task<int> ReplanAsync(NotificationsDbContext db, KnownEvent known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.DueReminders
            .Where(r => r.EventId == known.EventId && r.Status == DueReminderStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);
        var until = now + Horizon;
        known.RemindersUntil = until;
        if (known.Cancelled)
        {
            await WithdrawQueuedAsync(db, known.EventId, [], now, cancellationToken);
            return 0;
        }

        var people = known.Expected;
        var saved = await db.Preferences.AsNoTracking().Where(p => people.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        IReadOnlyList<int> OffsetsOf(Guid person) =>
            known.ReminderMinutes ?? (saved.TryGetValue(person, out var p) ? p : NotificationPreferences.Defaults(person)).ReminderOffsets;
        var longest = people.SelectMany(OffsetsOf).DefaultIfEmpty(0).Max();

        var changes = known.IsRecurring
            ? await db.KnownOccurrenceChanges.AsNoTracking().Where(c => c.EventId == known.EventId).ToListAsync(cancellationToken)
            : [];
        var answers = await db.KnownAnswers.AsNoTracking().Where(a => a.EventId == known.EventId).ToListAsync(cancellationToken);
        var occurrences = KnownOccurrences.Between(known, changes, now, until + TimeSpan.FromMinutes(longest));

        var users = new List<Guid>();
        var starts = new List<DateTime>();
        var offsets = new List<int>();
        var dues = new List<DateTime>();
        foreach (var occurrence in occurrences)
        {
            foreach (var person in people)
            {
                if (KnownOccurrences.Declined(answers, person, occurrence.RecurrenceIdUtc, known.IsRecurring))
                {
                    continue;
                }

                foreach (var offset in OffsetsOf(person).Distinct())
                {
                    var due = occurrence.StartUtc.AddMinutes(-offset);
                    if (due <= until)
                    {
                        users.Add(person);
                        starts.Add(occurrence.StartUtc.UtcDateTime);
                        offsets.Add(offset);
                        dues.Add(due.UtcDateTime);
                    }
                }
            }
        }

        await WithdrawQueuedAsync(db, known.EventId, [.. users.Select((u, i) => (u, starts[i], offsets[i]))], now, cancellationToken);
        if (users.Count == 0)
        {
            return 0;
        }

        // One statement for all rows; a row already sent for the same person, start and offset stays and wins.
        return await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.due_reminders (id, user_id, event_id, starts_at_utc, offset_minutes, due_at_utc, status, created_at)
            SELECT gen_random_uuid(), u, @event, s, o, d, 'Pending', @now
            FROM unnest(@users, @starts, @offsets, @dues) AS t(u, s, o, d)
            ON CONFLICT (user_id, event_id, starts_at_utc, offset_minutes) DO NOTHING
            """,
            [
                new NpgsqlParameter("event", known.EventId),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = users.ToArray() },
                new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = starts.ToArray() },
                new NpgsqlParameter("offsets", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = offsets.ToArray() },
                new NpgsqlParameter("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = dues.ToArray() },
            ],
            cancellationToken);
    }

    /// <summary>
    /// The sweep queues a reminder up to its look-ahead before it is due, so a move, a cancellation, a decline or a
    /// person leaving the event can come after its e-mail was queued: such reminders (handed to the queue, occurrence not
    /// started, no longer in the plan) are taken back. Their e-mail goes unless a sender already has it; the bell line
    /// goes if the reminder was not due yet (the bell got it early). The reminder row goes too, so a move back plans it
    /// again.
    /// </summary>
    private static async Task WithdrawQueuedAsync(
        NotificationsDbContext db, Guid eventId, HashSet<(Guid User, DateTime Start, int Offset)> planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = await db.DueReminders
            .Where(r => r.EventId == eventId && r.Status == DueReminderStatus.Sent && r.StartsAtUtc > now)
            .ToListAsync(cancellationToken);
        var stale = queued.Where(r => !planned.Contains((r.UserId, r.StartsAtUtc.UtcDateTime, r.OffsetMinutes))).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        static string KeyOf(DueReminder r) => r.MessageKey.Format(EventReminderMessage.TypeKey);
        var users = stale.Select(r => r.UserId).ToArray();
        var keys = stale.Select(KeyOf).ToArray();
        var early = stale.Where(r => r.DueAtUtc > now).ToList();
        await db.Database.ExecuteSqlRawAsync(
            """
            DELETE FROM notifications.outgoing_messages AS m
            USING unnest(@users, @keys) AS t(u, k)
            WHERE m.recipient_user_id = t.u AND m.dedupe_key = t.k AND m.status IN ('Pending', 'Failed');
            DELETE FROM notifications.in_app_notifications AS n
            USING unnest(@early_users, @early_keys) AS t(u, k)
            WHERE n.user_id = t.u AND n.dedupe_key = t.k;
            DELETE FROM notifications.due_reminders WHERE id = ANY(@ids);
            """,
            [
                new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = users },
                new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys },
                new NpgsqlParameter("early_users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = early.Select(r => r.UserId).ToArray() },
                new NpgsqlParameter("early_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = early.Select(KeyOf).ToArray() },
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = stale.Select(r => r.Id).ToArray() },
            ],
            cancellationToken);
        if (early.Count > 0)
        {
            // Their bells count one fewer once this commits.
            db.NotifyLive(new LiveUpdate(NotificationsTopics.InApp, null, "withdrawn", [.. early.Select(r => r.UserId).Distinct()]));
        }
    }
}
