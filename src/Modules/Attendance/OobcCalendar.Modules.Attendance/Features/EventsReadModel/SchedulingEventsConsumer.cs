using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Attendance.Features.EventsReadModel;

/// <summary>
/// Keeps <see cref="KnownEvent"/> from Scheduling's events, each applied once (inbox). Every event carries the whole
/// snapshot, so participants added or removed after check-in opened change who is expected at once; open desks are told.
/// </summary>
internal sealed class SchedulingEventsConsumer(IDbContextFactory<AttendanceDbContext> contexts) :
    IIntegrationEventHandler<EventScheduledIntegrationEvent>,
    IIntegrationEventHandler<EventRescheduledIntegrationEvent>,
    IIntegrationEventHandler<EventUpdatedIntegrationEvent>,
    IIntegrationEventHandler<EventCancelledIntegrationEvent>
{
    public Task HandleAsync(EventScheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId, (db, ct) => KnownEvents.ApplySnapshotAsync(db, integrationEvent.Event, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    public Task HandleAsync(EventRescheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId, async (db, ct) =>
        {
            await KnownEvents.ApplySnapshotAsync(db, integrationEvent.Event, integrationEvent.OccurredAt, ct);
            if (integrationEvent.RecurrenceIdUtc is { } recurrenceId)
            {
                await KnownEvents.MoveOccurrenceAsync(
                    db, integrationEvent.Event.EventId, recurrenceId, integrationEvent.NewStartUtc, integrationEvent.NewEndUtc, integrationEvent.OccurredAt, ct);
            }
        }, cancellationToken);
    }

    public Task HandleAsync(EventUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId, (db, ct) => KnownEvents.ApplySnapshotAsync(db, integrationEvent.Event, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    public Task HandleAsync(EventCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId, (db, ct) => KnownEvents.CancelAsync(db, integrationEvent, ct), cancellationToken);
    }

    private async Task ApplyOnceAsync(IIntegrationEvent integrationEvent, Guid eventId, Func<AttendanceDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(integrationEvent.EventId, KnownEvents.Consumer, async ct =>
        {
            // Serialises the consumers of one event, so two deliveries racing cannot both insert its row.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('attendance.known-events'), hashtext({eventId.ToString()}))", ct);
            await apply(db, ct);
            var lists = await db.Lists.Where(l => l.EventId == eventId).Select(l => l.Id).ToListAsync(ct);
            foreach (var listId in lists)
            {
                db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, listId.ToString(), "event-changed"));
            }
        }, cancellationToken);
    }
}
