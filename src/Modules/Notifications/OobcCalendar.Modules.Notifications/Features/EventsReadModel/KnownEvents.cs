using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>
/// Applies Scheduling's facts to the read model. Delivery is at least once and may be out of order: a snapshot older
/// than the one stored is ignored, and cancellations (whole, from a date, one occurrence) are never undone by it.
/// </summary>
internal static class KnownEvents
{
    public static async Task<KnownEvent> ApplySnapshotAsync(NotificationsDbContext db, EventSnapshot snapshot, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var known = await db.KnownEvents.FirstOrDefaultAsync(e => e.EventId == snapshot.EventId, cancellationToken);
        if (known is null)
        {
            known = new KnownEvent { EventId = snapshot.EventId };
            db.KnownEvents.Add(known);
        }
        else if (known.AsOf > occurredAt)
        {
            return known;
        }

        known.Title = snapshot.Title;
        known.Location = snapshot.Location;
        known.OrganizerId = snapshot.OrganizerId;
        known.ParticipantIds = [.. snapshot.ParticipantIds.Distinct()];
        known.StartUtc = snapshot.StartUtc.ToUniversalTime();
        known.EndUtc = snapshot.EndUtc.ToUniversalTime();
        known.TimeZoneId = snapshot.TimeZoneId;
        known.AllDay = snapshot.AllDay;
        known.RecurrenceRule = snapshot.RecurrenceRule;
        known.ExceptionDatesUtc = [.. snapshot.ExceptionDatesUtc.Select(d => d.ToUniversalTime())];
        known.ReminderMinutes = snapshot.ReminderMinutes?.Where(m => m > 0).Distinct().ToList();
        known.AsOf = occurredAt;
        return known;
    }

    public static async Task MoveOccurrenceAsync(
        NotificationsDbContext db, Guid eventId, DateTimeOffset recurrenceId, DateTimeOffset startUtc, DateTimeOffset endUtc, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var change = await ChangeAsync(db, eventId, recurrenceId, cancellationToken);
        if (change.AsOf > occurredAt || change.Cancelled)
        {
            return;
        }

        change.StartUtc = startUtc.ToUniversalTime();
        change.EndUtc = endUtc.ToUniversalTime();
        change.AsOf = occurredAt;
    }

    public static async Task<KnownEvent> CancelAsync(NotificationsDbContext db, EventCancelledIntegrationEvent cancelled, CancellationToken cancellationToken)
    {
        var known = await ApplySnapshotAsync(db, cancelled.Event, cancelled.OccurredAt, cancellationToken);
        if (cancelled.RecurrenceIdUtc is { } recurrenceId)
        {
            var change = await ChangeAsync(db, cancelled.Event.EventId, recurrenceId, cancellationToken);
            change.Cancelled = true;
        }
        else if (cancelled.FromUtc is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            known.CancelledFromUtc = known.CancelledFromUtc is { } earlier && earlier < fromUtc ? earlier : fromUtc;
        }
        else
        {
            known.Cancelled = true;
        }

        return known;
    }

    /// <summary>Records an answer unless a later one for the same scope is stored.</summary>
    public static async Task AnswerAsync(NotificationsDbContext db, ParticipantRespondedIntegrationEvent answer, CancellationToken cancellationToken)
    {
        var scope = KnownAnswer.ScopeOf(answer.RecurrenceIdUtc?.ToUniversalTime());
        var stored = await db.KnownAnswers.FirstOrDefaultAsync(
            a => a.EventId == answer.CalendarEventId && a.ParticipantId == answer.ParticipantId && a.Scope == scope, cancellationToken);
        if (stored is null)
        {
            stored = new KnownAnswer { EventId = answer.CalendarEventId, ParticipantId = answer.ParticipantId, Scope = scope };
            db.KnownAnswers.Add(stored);
        }
        else if (stored.AsOf > answer.RespondedAt)
        {
            return;
        }

        stored.Response = answer.Response;
        stored.AsOf = answer.RespondedAt;
    }

    private static async Task<KnownOccurrenceChange> ChangeAsync(NotificationsDbContext db, Guid eventId, DateTimeOffset recurrenceId, CancellationToken cancellationToken)
    {
        var key = recurrenceId.ToUniversalTime();
        var change = db.KnownOccurrenceChanges.Local.FirstOrDefault(c => c.EventId == eventId && c.RecurrenceIdUtc == key)
            ?? await db.KnownOccurrenceChanges.FirstOrDefaultAsync(c => c.EventId == eventId && c.RecurrenceIdUtc == key, cancellationToken);
        if (change is null)
        {
            change = new KnownOccurrenceChange { EventId = eventId, RecurrenceIdUtc = key };
            db.KnownOccurrenceChanges.Add(change);
        }

        return change;
    }
}
