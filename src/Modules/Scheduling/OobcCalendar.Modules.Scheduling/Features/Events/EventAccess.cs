using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Who may do what with an event, and loading it for a change.</summary>
internal static class EventAccess
{
    /// <summary>Only the organizer or an Admin changes an event; others see it read-only.</summary>
    public static bool CanEdit(CalendarEvent e, ICurrentUser user) => e.OrganizerId == user.Id || user.IsInRole(Roles.Admin);

    /// <summary>Whether <paramref name="user"/> may see the event's details (not just "busy").</summary>
    public static bool CanSeeDetails(CalendarEvent e, ICurrentUser user) =>
        e.Visibility == EventVisibility.Normal || e.HasMember(user.Id) || user.IsInRole(Roles.Admin);

    /// <summary>Loads an event the user may change, or fails with a clear message.</summary>
    public static async Task<CalendarEvent> LoadForChangeAsync(SchedulingDbContext db, Guid eventId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken)
            ?? throw new NotFoundException("That event does not exist any more.");
        if (!CanEdit(e, user))
        {
            throw new ForbiddenException("Only the organizer can change this event.");
        }

        if (e.IsCancelled)
        {
            throw new BusinessRuleException("This event is cancelled and can no longer be changed.");
        }

        return e;
    }
}
