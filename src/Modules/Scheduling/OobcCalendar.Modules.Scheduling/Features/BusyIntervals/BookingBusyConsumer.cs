using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Keeps the busy read model from Resources' booking events: approved holds the requester's and attendees' time,
/// cancelled or rejected frees it. Each event applies once (inbox), however often it is delivered.
/// </summary>
internal sealed class BookingBusyConsumer(IDbContextFactory<SchedulingDbContext> contexts) :
    IIntegrationEventHandler<BookingApprovedIntegrationEvent>,
    IIntegrationEventHandler<BookingCancelledIntegrationEvent>,
    IIntegrationEventHandler<BookingRejectedIntegrationEvent>
{
    public Task HandleAsync(BookingApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var booking = new ApprovedBooking(
            integrationEvent.BookingId, integrationEvent.ResourceKind, integrationEvent.RequesterId, integrationEvent.AttendeeIds, integrationEvent.StartUtc, integrationEvent.EndUtc);
        return ApplyOnceAsync(integrationEvent.EventId, (db, ct) => BusyIntervals.HoldAsync(db, booking, ct), cancellationToken);
    }

    public Task HandleAsync(BookingCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent.EventId, (db, ct) => BusyIntervals.ReleaseAsync(db, integrationEvent.BookingId, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    /// <summary>A rejected request never held anyone's time; it is released all the same, so nothing can bring it back.</summary>
    public Task HandleAsync(BookingRejectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent.EventId, (db, ct) => BusyIntervals.ReleaseAsync(db, integrationEvent.BookingId, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    private async Task ApplyOnceAsync(Guid eventId, Func<SchedulingDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(eventId, BusyIntervals.Consumer, async ct =>
        {
            await BusyIntervals.LockAsync(db, ct);
            await apply(db, ct);
        }, cancellationToken);
    }
}
