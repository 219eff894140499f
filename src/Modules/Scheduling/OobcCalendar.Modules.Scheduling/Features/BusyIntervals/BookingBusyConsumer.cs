using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;

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
        return ApplyOnceAsync(integrationEvent.EventId, integrationEvent.BookingId, [integrationEvent.RequesterId, .. integrationEvent.AttendeeIds], (db, ct) => BusyIntervals.HoldAsync(db, booking, ct), cancellationToken);
    }

    public Task HandleAsync(BookingCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent.EventId, integrationEvent.BookingId, null, (db, ct) => BusyIntervals.ReleaseAsync(db, integrationEvent.BookingId, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    /// <summary>A rejected request never held anyone's time; it is released all the same, so nothing can bring it back.</summary>
    public Task HandleAsync(BookingRejectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent.EventId, integrationEvent.BookingId, null, (db, ct) => BusyIntervals.ReleaseAsync(db, integrationEvent.BookingId, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    // A release does not carry the people; its notice goes to every subscriber, whose cards re-read only their own rows.
    private async Task ApplyOnceAsync(
        Guid eventId, Guid bookingId, IReadOnlyList<Guid>? people, Func<SchedulingDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(eventId, BusyIntervals.Consumer, async ct =>
        {
            await BusyIntervals.LockAsync(db, ct);
            await apply(db, ct);
            db.NotifyLive(new LiveUpdate(SchedulingTopics.Busy, bookingId.ToString(), "booking", people));
        }, cancellationToken);
    }
}
