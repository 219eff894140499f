using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Answers the public replay query: the approved bookings still ahead, with what their approved events carried.</summary>
internal sealed class ListApprovedBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts)
    : IQueryHandler<ListApprovedBookings, IReadOnlyList<ApprovedBooking>>
{
    public async ValueTask<IReadOnlyList<ApprovedBooking>> Handle(ListApprovedBookings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from b in db.Bookings.AsNoTracking()
                          join r in db.Resources on b.ResourceId equals r.Id
                          where b.Status == BookingStatus.Approved && b.End > query.EndsAfterUtc
                          orderby b.Start
                          select new { b.Id, r.Kind, b.RequesterId, b.AttendeeIds, b.Start, b.End })
            .ToListAsync(cancellationToken);
        return rows.Select(b => new ApprovedBooking(b.Id, b.Kind.ToString(), b.RequesterId, b.AttendeeIds, b.Start, b.End)).ToList();
    }
}
