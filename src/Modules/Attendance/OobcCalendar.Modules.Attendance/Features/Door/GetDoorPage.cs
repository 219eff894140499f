using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;

namespace OobcCalendar.Modules.Attendance.Features.Door;

/// <summary>What the self check-in page needs before anyone acts: the event's title and what the list allows. Open to guests.</summary>
internal sealed record GetDoorPage(Guid ListId) : IQuery<DoorPageInfo>;

internal sealed record DoorPageInfo(string Title, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string TimeZoneId, bool SelfCheckInAllowed, bool WalkInsAllowed, bool Closed);

internal sealed class GetDoorPageHandler(IDbContextFactory<AttendanceDbContext> contexts) : IQueryHandler<GetDoorPage, DoorPageInfo>
{
    public async ValueTask<DoorPageInfo> Handle(GetDoorPage query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        var o = context.Occurrence;
        var s = context.List.Settings;
        return new DoorPageInfo(o.Title, o.StartUtc, o.EndUtc, o.TimeZoneId, s.SelfCheckInAllowed, s.WalkInsAllowed, context.List.IsClosed);
    }
}
