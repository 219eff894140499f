using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Answers the public calendar query: bookings a user requested or attends that hold (or ask for) a slot.</summary>
internal sealed class GetCalendarBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<GetCalendarBookings, IReadOnlyList<CalendarBooking>>
{
    public async ValueTask<IReadOnlyList<CalendarBooking>> Handle(GetCalendarBookings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CalendarBookingRows.ReadAsync(db, db.Bookings.AsNoTracking().Where(b =>
            (b.Status == BookingStatus.Approved || (query.IncludePending && b.Status == BookingStatus.Pending))
            && b.Start < query.EndUtc && query.StartUtc < b.End
            && (b.RequesterId == query.UserId || b.AttendeeIds.Contains(query.UserId))), cancellationToken);
    }
}
