using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>Everything the desk screen shows for one list: the occurrence, the counters, the last scans, everyone expected.</summary>
internal sealed record GetDeskView(Guid ListId) : IQuery<DeskView>;

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
    IReadOnlyList<DeskPerson> People);

/// <summary>One check-in as the desk lists it.</summary>
internal sealed record DeskScan(Guid CheckInId, string Name, string? Organisation, bool Expected, DateTimeOffset CheckedInAt, string Desk, string Method, DateTimeOffset? CheckedOutAt);

/// <summary>One expected person and whether they arrived.</summary>
internal sealed record DeskPerson(Guid PersonId, string Name, string? Unit, Guid? CheckInId, DateTimeOffset? CheckedInAt, string? Desk);

internal sealed class GetDeskViewHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory)
    : IQueryHandler<GetDeskView, DeskView>
{
    private const int LastScanCount = 15;

    public async ValueTask<DeskView> Handle(GetDeskView query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var counts = await AttendanceCounts.OfAsync(db, context, cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.ListId == query.ListId).ToListAsync(cancellationToken);
        var walkIns = await db.WalkIns.AsNoTracking().Where(w => w.ListId == query.ListId).ToDictionaryAsync(w => w.Id, cancellationToken);
        var personIds = context.Occurrence.Expected.Concat(checkIns.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value)).Distinct().ToList();
        var people = (await directory.GetManyAsync(personIds, cancellationToken)).ToDictionary(p => p.Id);
        var byPerson = checkIns.Where(c => c.PersonId != null).ToDictionary(c => c.PersonId!.Value);

        var last = checkIns.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(LastScanCount).Select(c =>
        {
            var walkIn = c.WalkInId is { } w ? walkIns.GetValueOrDefault(w) : null;
            var person = c.PersonId is { } p ? people.GetValueOrDefault(p) : null;
            return new DeskScan(
                c.Id, walkIn?.Name ?? person?.DisplayName ?? "Unknown person", walkIn?.Organisation ?? person?.OrganisationUnitName,
                c.Expected, c.CheckedInAt, c.Desk, c.Method.ToString(), c.CheckedOutAt);
        }).ToList();
        var expected = context.Occurrence.Expected.Select(id =>
        {
            var person = people.GetValueOrDefault(id);
            var checkIn = byPerson.GetValueOrDefault(id);
            return new DeskPerson(id, person?.DisplayName ?? "Unknown person", person?.OrganisationUnitName, checkIn?.Id, checkIn?.CheckedInAt, checkIn?.Desk);
        }).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        var o = context.Occurrence;
        var mayManage = user.Id == o.OrganizerId || user.IsInRole(Roles.Admin);
        return new DeskView(context.List.Id, o.EventId, o.Title, o.Location, o.StartUtc, o.EndUtc, o.TimeZoneId, context.List.Settings, context.List.IsClosed, mayManage, counts, last, expected);
    }
}
