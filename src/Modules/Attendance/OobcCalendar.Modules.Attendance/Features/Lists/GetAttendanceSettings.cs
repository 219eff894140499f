using Mediator;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>The organizer's settings page: the occurrence, and its list if attendance is on (null settings: off).</summary>
internal sealed record GetAttendanceSettings(Guid EventId, DateTimeOffset OccurrenceStartUtc) : IQuery<AttendanceSettingsView>;

internal sealed record AttendanceSettingsView(
    Guid EventId, DateTimeOffset OccurrenceStartUtc, string Title, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string TimeZoneId,
    Guid? ListId, AttendanceSettings? Settings, bool Closed);

internal sealed class GetAttendanceSettingsHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user)
    : IQueryHandler<GetAttendanceSettings, AttendanceSettingsView>
{
    public async ValueTask<AttendanceSettingsView> Handle(GetAttendanceSettings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var o = await EventOccurrences.GetAsync(db, query.EventId, query.OccurrenceStartUtc, cancellationToken);
        ListAccess.EnsureOrganizerOrAdmin(user, o);
        var list = await AttendanceLists.FindAsync(db, o, cancellationToken);
        return new AttendanceSettingsView(o.EventId, o.OccurrenceStartUtc, o.Title, o.StartUtc, o.EndUtc, o.TimeZoneId, list?.Id, list?.Settings, list?.IsClosed ?? false);
    }
}
