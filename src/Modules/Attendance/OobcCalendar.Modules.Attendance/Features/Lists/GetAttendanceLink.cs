using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// What an event's details offer about attendance to the signed-in user, if anything: the organizer (or Admin) is offered
/// "Take attendance" while it is off and "Attendance" (the organizer's page) once on; a check-in desk "Open check-in desk"
/// once on. Anyone else, or an occurrence Attendance does not know (yet), gets null: nothing shown.
/// </summary>
internal sealed record GetAttendanceLink(Guid EventId, DateTimeOffset OccurrenceStartUtc) : IQuery<AttendanceLink?>;

/// <summary>A button's text and where it goes.</summary>
internal sealed record AttendanceLink(string Text, string Href, bool IsOn);

internal sealed class GetAttendanceLinkHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user)
    : IQueryHandler<GetAttendanceLink, AttendanceLink?>
{
    public async ValueTask<AttendanceLink?> Handle(GetAttendanceLink query, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var occurrence = await EventOccurrences.FindAsync(db, query.EventId, query.OccurrenceStartUtc, cancellationToken);
        if (occurrence is null)
        {
            return null;
        }

        var manages = user.Id == occurrence.OrganizerId || user.IsInRole(Roles.Admin);
        if (!manages && !ListAccess.MayRunDesk(user, occurrence))
        {
            return null;
        }

        var list = await AttendanceLists.FindAsync(db, occurrence, cancellationToken);
        var isOn = list is { IsClosed: false };
        var settings = $"/attendance/event/{occurrence.EventId}?occurrence={Uri.EscapeDataString(occurrence.OccurrenceStartUtc.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}";
        return (manages, isOn) switch
        {
            (true, false) when list is null => new AttendanceLink("Take attendance", settings, false),
            (true, _) => new AttendanceLink("Attendance", settings, isOn),
            (false, true) => new AttendanceLink("Open check-in desk", $"/attendance/desk/{list!.Id}", true),
            _ => null,
        };
    }
}
