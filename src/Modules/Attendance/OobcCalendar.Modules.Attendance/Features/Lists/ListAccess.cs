using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>A list with the occurrence it is for, as the read model knows it now.</summary>
internal sealed record ListInContext(AttendanceList List, OccurrenceFacts Occurrence)
{
    public bool IsExpected(Guid personId) => Occurrence.Expected.Contains(personId);
}

/// <summary>Loading a list and the permission checks every use case shares.</summary>
internal static class ListAccess
{
    public static async Task<ListInContext> LoadAsync(AttendanceDbContext db, Guid listId, CancellationToken cancellationToken)
    {
        var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == listId, cancellationToken)
            ?? throw new NotFoundException("That attendance list does not exist.");
        var occurrence = await EventOccurrences.GetAsync(db, list.EventId, list.OccurrenceStartUtc, cancellationToken);
        return new ListInContext(list, occurrence);
    }

    /// <summary>Whether the user may check other people in: a check-in desk, the organizer, or Admin.</summary>
    public static bool MayRunDesk(ICurrentUser user, OccurrenceFacts occurrence) =>
        user.IsAuthenticated && (user.IsInRole(Roles.CheckInDesk) || user.IsInRole(Roles.Admin) || user.Id == occurrence.OrganizerId);

    public static void EnsureMayRunDesk(ICurrentUser user, OccurrenceFacts occurrence)
    {
        if (!MayRunDesk(user, occurrence))
        {
            throw new ForbiddenException("Only a check-in desk, the event's organizer or an admin can check people in.");
        }
    }

    /// <summary>Whether the user may change the list's settings, open or close it: the organizer or Admin.</summary>
    public static void EnsureOrganizerOrAdmin(ICurrentUser user, OccurrenceFacts occurrence)
    {
        if (!user.IsAuthenticated || (user.Id != occurrence.OrganizerId && !user.IsInRole(Roles.Admin)))
        {
            throw new ForbiddenException("Only the event's organizer or an admin can manage its attendance.");
        }
    }

    /// <summary>Refuses a check-in at <paramref name="at"/> when the list is closed or the occurrence is not open for check-in then.</summary>
    public static void EnsureOpenAt(ListInContext context, DateTimeOffset at)
    {
        var zone = OfficeTime.Zone(context.Occurrence.TimeZoneId);
        if (context.List.IsClosed)
        {
            throw new BusinessRuleException("Attendance for this event is closed.");
        }

        var opensAt = context.List.OpensAt(context.Occurrence.StartUtc);
        if (at < opensAt)
        {
            throw new BusinessRuleException($"Check-in opens at {TimeText.Time(opensAt, zone)} on {TimeText.Day(opensAt, zone)}.");
        }

        if (at > context.Occurrence.EndUtc)
        {
            throw new BusinessRuleException($"This event ended at {TimeText.Time(context.Occurrence.EndUtc, zone)}; check-in is over.");
        }
    }
}
