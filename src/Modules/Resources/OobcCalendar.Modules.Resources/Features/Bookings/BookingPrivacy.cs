using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// Who may read what a booking is for: the requester, its attendees, the resource's approvers (when it needs
/// approval) and Admin. Everyone else learns only that the slot is held, wherever bookings are shown to them
/// (timeline, availability answers, clash messages).
/// </summary>
internal static class BookingPrivacy
{
    public const string HiddenBooked = "Booked";

    public const string HiddenPending = "Pending request";

    public static bool MayReadPurpose(Resource resource, Guid requesterId, IReadOnlyCollection<Guid> attendeeIds, ICurrentUser viewer)
    {
        var isAdmin = viewer.IsInRole(Roles.Admin);
        return isAdmin || requesterId == viewer.Id || attendeeIds.Contains(viewer.Id)
            || (resource.RequiresApproval && resource.CanBeApprovedBy(viewer.Id, viewer.IsInRole(Roles.Manager), isAdmin));
    }
}
