using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Attendance.Features.EventsReadModel;

/// <summary>
/// Keeps <see cref="KnownEvent"/> from Scheduling's events, each applied once (inbox). Every event carries the whole
/// snapshot, so participants added or removed after check-in opened change who is expected at once; open desks are told.
/// </summary>
internal sealed class SchedulingEventsConsumer(IDbContextFactory<AttendanceDbContext> contexts) : EventReplicaConsumer<KnownEvent, AttendanceDbContext>
{
    /// <summary>Inbox name of the consumer.</summary>
    public const string Consumer = "attendance.known-events";

    protected override async Task ApplyOnceAsync(IIntegrationEvent integrationEvent, Guid eventId, Func<AttendanceDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(integrationEvent.EventId, Consumer, async ct =>
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
