using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>
/// Keeps <see cref="KnownEvent"/> (and answers) from Scheduling's events, each applied once (inbox), and in the same
/// transaction rewrites the event's pending reminders, so a moved, cancelled or declined occurrence is re-timed or
/// left out before any sweep can send it (ADR 0035).
/// </summary>
internal sealed class SchedulingEventsConsumer(IDbContextFactory<NotificationsDbContext> contexts, TimeProvider clock) :
    EventReplicaConsumer<KnownEvent, NotificationsDbContext>,
    IIntegrationEventHandler<ParticipantRespondedIntegrationEvent>
{
    /// <summary>Inbox name of the consumer.</summary>
    public const string Consumer = "notifications.known-events";

    public Task HandleAsync(ParticipantRespondedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.CalendarEventId, (db, ct) => KnownAnswers.AnswerAsync(db, integrationEvent, ct), cancellationToken);
    }

    protected override async Task ApplyOnceAsync(IIntegrationEvent integrationEvent, Guid eventId, Func<NotificationsDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(integrationEvent.EventId, Consumer, async ct =>
        {
            // Serialises the consumers (and the sweep's re-planning) of one event, so two deliveries racing cannot both insert its row.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('notifications.known-events'), hashtext({eventId.ToString()}))", ct);
            await apply(db, ct);
            await db.SaveChangesAsync(ct);
            var known = await db.KnownEvents.FirstOrDefaultAsync(e => e.EventId == eventId, ct);
            if (known is not null)
            {
                await ReminderPlanner.ReplanAsync(db, known, clock.GetUtcNow(), ct);
            }
        }, cancellationToken);
    }
}
