using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Bookings as the public calendar queries answer them (with their resource's name), in start order.</summary>
internal static class CalendarBookingRows
{
    public static async Task<IReadOnlyList<CalendarBooking>> ReadAsync(ResourcesDbContext db, IQueryable<Booking> bookings, CancellationToken cancellationToken) =>
        await (from b in bookings
               join r in db.Resources on b.ResourceId equals r.Id
               orderby b.Start
               select new CalendarBooking(b.Id, r.Id, r.Name, b.Purpose, b.Start, b.End, b.Status.ToString()))
            .ToListAsync(cancellationToken);
}
