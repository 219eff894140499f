using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// The counters and last scans of a list, for the organizer's page to follow the door live like a second desk (without
/// the desk's list of people). Whoever may run the desk may read it.
/// </summary>
internal sealed record GetListActivity(Guid ListId) : IQuery<ListActivity>;

internal sealed record ListActivity(AttendanceCounts Counts, IReadOnlyList<DeskScan> LastScans, bool Closed);

internal sealed class GetListActivityHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory)
    : IQueryHandler<GetListActivity, ListActivity>
{
    public async ValueTask<ListActivity> Handle(GetListActivity query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var counts = await AttendanceCounts.OfAsync(db, context, cancellationToken);
        var last = await LastScans.ReadAsync(db, directory, query.ListId, cancellationToken);
        return new ListActivity(counts, last, context.List.IsClosed);
    }
}
