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

internal sealed record ListActivity(AttendanceCounts Counts, IReadOnlyList<DeskScan> LastScans, bool Closed)
{
    /// <summary>What every live screen of a list shows: the desk adds its page of people, the organizer's page nothing.</summary>
    public static async Task<ListActivity> ReadAsync(AttendanceDbContext db, IUserDirectory directory, ListInContext context, CancellationToken cancellationToken) =>
        new(await AttendanceCounts.OfAsync(db, context, cancellationToken),
            await Lists.LastScans.ReadAsync(db, directory, context.List.Id, cancellationToken),
            context.List.IsClosed);
}

internal sealed class GetListActivityHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory)
    : IQueryHandler<GetListActivity, ListActivity>
{
    public async ValueTask<ListActivity> Handle(GetListActivity query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        return await ListActivity.ReadAsync(db, directory, context, cancellationToken);
    }
}
