using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Builds the integration events and live notices of event changes, in one place.</summary>
internal static class EventNotices
{
    public static EventSnapshot Snapshot(CalendarEvent e) => new(
        e.Id,
        e.Title,
        e.Location,
        e.OrganizerId,
        e.Participants.Select(p => p.UserId).ToList(),
        e.StartUtc,
        e.EndUtc,
        e.TimeZoneId,
        e.AllDay,
        e.RecurrenceRule,
        e.ExceptionDates.ToList(),
        e.Visibility.ToString(),
        e.ReminderMinutes?.ToList())
    {
        CategoryId = e.CategoryId,
    };

    public static void Scheduled(SchedulingDbContext db, CalendarEvent e, DateTimeOffset now)
    {
        db.Publish(new EventScheduledIntegrationEvent(Snapshot(e), e.SplitFromId) { OccurredAt = now });
        Live(db, e, "scheduled");
    }

    public static void Rescheduled(
        SchedulingDbContext db, CalendarEvent e, DateTimeOffset? recurrenceId, (DateTimeOffset Start, DateTimeOffset End) before, (DateTimeOffset Start, DateTimeOffset End) after, DateTimeOffset now)
    {
        db.Publish(new EventRescheduledIntegrationEvent(Snapshot(e), recurrenceId, before.Start, before.End, after.Start, after.End) { OccurredAt = now });
        Live(db, e, "rescheduled");
    }

    public static void Updated(SchedulingDbContext db, CalendarEvent e, DateTimeOffset? recurrenceId, IReadOnlyList<Guid> added, IReadOnlyList<Guid> removed, DateTimeOffset now)
    {
        db.Publish(new EventUpdatedIntegrationEvent(Snapshot(e), recurrenceId, added, removed) { OccurredAt = now });
        Live(db, e, "updated");
    }

    public static void Cancelled(SchedulingDbContext db, CalendarEvent e, DateTimeOffset? recurrenceId, DateTimeOffset? from, DateTimeOffset now)
    {
        db.Publish(new EventCancelledIntegrationEvent(Snapshot(e), recurrenceId, from) { OccurredAt = now });
        Live(db, e, "cancelled");
    }

    public static void Responded(SchedulingDbContext db, CalendarEvent e, Guid participantId, ParticipantResponse response, DateTimeOffset? recurrenceId, DateTimeOffset now)
    {
        db.Publish(new ParticipantRespondedIntegrationEvent(e.Id, e.Title, e.OrganizerId, participantId, response.ToString(), now, recurrenceId?.ToUniversalTime()) { OccurredAt = now });
        Live(db, e, "responded");
    }

    private static void Live(SchedulingDbContext db, CalendarEvent e, string kind) =>
        db.NotifyLive(new LiveUpdate(SchedulingTopics.Events, e.Id.ToString(), kind));
}
