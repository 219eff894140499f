using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// What the desk screen shows for one list: the occurrence, the counters, the last scans, and one page of the expected
/// people whose name contains <paramref name="Search"/>. Every desk re-reads it after each check-in anywhere, so it
/// reads only what it shows: counts in SQL, the last scans and the page's check-ins by index, never every row.
/// </summary>
internal sealed record GetDeskView(Guid ListId, string? Search = null, int Take = GetDeskView.PageSize) : IQuery<DeskView>
{
    /// <summary>Expected people listed at once; the desk searches for the others.</summary>
    public const int PageSize = 25;
}

internal sealed record DeskView(
    Guid ListId,
    Guid EventId,
    string Title,
    string? Location,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    AttendanceSettings Settings,
    bool Closed,
    bool MayManage,
    AttendanceCounts Counts,
    IReadOnlyList<DeskScan> LastScans,
    IReadOnlyList<DeskPerson> People,
    int PeopleMatching);

/// <summary>One check-in as the desk lists it.</summary>
internal sealed record DeskScan(Guid CheckInId, string Name, string? Organisation, bool Expected, DateTimeOffset CheckedInAt, string Desk, string Method, DateTimeOffset? CheckedOutAt);

/// <summary>One expected person and whether they arrived.</summary>
internal sealed record DeskPerson(Guid PersonId, string Name, string? Unit, Guid? CheckInId, DateTimeOffset? CheckedInAt, string? Desk);

internal sealed class GetDeskViewHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory)
    : IQueryHandler<GetDeskView, DeskView>
{
    public async ValueTask<DeskView> Handle(GetDeskView query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var activity = await ListActivity.ReadAsync(db, directory, context, cancellationToken);
        var (people, matching) = await PageOfPeopleAsync(db, context, query, cancellationToken);

        var o = context.Occurrence;
        var mayManage = user.Id == o.OrganizerId || user.IsInRole(Roles.Admin);
        return new DeskView(context.List.Id, o.EventId, o.Title, o.Location, o.StartUtc, o.EndUtc, o.TimeZoneId, context.List.Settings,
            activity.Closed, mayManage, activity.Counts, activity.LastScans, people, matching);
    }

    /// <summary>The expected people matching the search, by name, one page; and how many match in all.</summary>
    private async Task<(IReadOnlyList<DeskPerson> Page, int Matching)> PageOfPeopleAsync(
        AttendanceDbContext db, ListInContext context, GetDeskView query, CancellationToken cancellationToken)
    {
        // Names live in the directory (the host's), so the match is made here: one indexed read of the expected ids.
        var search = query.Search?.Trim();
        var matches = (await directory.GetManyAsync(context.Occurrence.Expected, cancellationToken))
            .Where(p => string.IsNullOrEmpty(search) || p.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var page = matches.Take(Math.Clamp(query.Take, 1, 200)).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var arrived = await db.CheckIns.AsNoTracking()
            .Where(c => c.ListId == query.ListId && c.PersonId != null && ids.Contains(c.PersonId.Value))
            .ToDictionaryAsync(c => c.PersonId!.Value, cancellationToken);
        return (page.Select(p =>
        {
            var checkIn = arrived.GetValueOrDefault(p.Id);
            return new DeskPerson(p.Id, p.DisplayName, p.OrganisationUnitName, checkIn?.Id, checkIn?.CheckedInAt, checkIn?.Desk);
        }).ToList(), matches.Count);
    }
}
