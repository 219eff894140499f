using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Keeps the busy read model from Leave's events: approved leave makes the person busy ("On leave"), cancelled leave
/// frees them. Pending and rejected requests never kept anyone busy, so they are not consumed. Applied once (inbox).
/// </summary>
internal sealed class LeaveBusyConsumer(IDbContextFactory<SchedulingDbContext> contexts) :
    IIntegrationEventHandler<LeaveApprovedIntegrationEvent>,
    IIntegrationEventHandler<LeaveCancelledIntegrationEvent>
{
    public Task HandleAsync(LeaveApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var leave = new ApprovedLeave(
            integrationEvent.RequestId, integrationEvent.PersonId, integrationEvent.LeaveTypeCode, integrationEvent.IsPrivate,
            integrationEvent.FirstDay, integrationEvent.LastDay, integrationEvent.StartUtc, integrationEvent.EndUtc);
        return ApplyOnceAsync(integrationEvent.EventId, integrationEvent.RequestId, integrationEvent.PersonId, (db, ct) => LeaveBusy.HoldAsync(db, leave, ct), cancellationToken);
    }

    public Task HandleAsync(LeaveCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(
            integrationEvent.EventId,
            integrationEvent.RequestId,
            integrationEvent.PersonId,
            (db, ct) => LeaveBusy.ReleaseAsync(db, integrationEvent.RequestId, integrationEvent.FirstDay, integrationEvent.FreedFrom, integrationEvent.OccurredAt, ct),
            cancellationToken);
    }

    private async Task ApplyOnceAsync(Guid eventId, Guid requestId, Guid personId, Func<SchedulingDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(eventId, BusyIntervals.Consumer, async ct =>
        {
            await BusyIntervals.LockAsync(db, ct);
            await apply(db, ct);
            // Only the person's own "You are away" card cares; it hears this once the read model has committed.
            db.NotifyLive(new LiveUpdate(SchedulingTopics.Busy, requestId.ToString(), "leave", [personId]));
        }, cancellationToken);
    }
}
