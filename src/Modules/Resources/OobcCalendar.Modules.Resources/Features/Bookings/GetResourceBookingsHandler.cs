using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Answers the public query of one resource's approved bookings in a range (a resource's share link).</summary>
internal sealed class GetResourceBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<GetResourceBookings, IReadOnlyList<CalendarBooking>>
{
    public async ValueTask<IReadOnlyList<CalendarBooking>> Handle(GetResourceBookings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CalendarBookingRows.ReadAsync(db, db.Bookings.AsNoTracking().Where(b =>
            b.ResourceId == query.ResourceId && b.Status == BookingStatus.Approved && b.Start < query.EndUtc && query.StartUtc < b.End), cancellationToken);
    }
}
