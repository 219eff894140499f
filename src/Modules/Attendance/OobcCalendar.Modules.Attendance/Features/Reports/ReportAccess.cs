using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>Who may see which report: an event's report follows who may manage the event (its organizer and Admin).</summary>
internal static class ReportAccess
{
    public static bool MaySeeEvent(ICurrentUser user, Guid organizerId) =>
        user.IsAuthenticated && (user.Id == organizerId || user.IsInRole(Roles.Admin));

    public static void EnsureMaySeeEvent(ICurrentUser user, Guid organizerId)
    {
        if (!MaySeeEvent(user, organizerId))
        {
            throw new ForbiddenException("Only the event's organizer or an admin can see its attendance report.");
        }
    }
}
