using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>Integration events as the other modules publish them, with unique names so tests can find their messages.</summary>
internal static class Facts
{
    public static readonly DateTimeOffset Start = new(2027, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static BookingRequestedIntegrationEvent BookingRequested(Guid requester, IReadOnlyList<Guid> approvers, string resource) =>
        new(Guid.NewGuid(), Guid.NewGuid(), resource, "Room", requester, Start, Start.AddHours(2), "Asia/Manila", "Planning", [], true, approvers, null)
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static BookingApprovedIntegrationEvent BookingApproved(Guid requester, Guid decider, string resource) =>
        new(Guid.NewGuid(), Guid.NewGuid(), resource, "Room", requester, Start, Start.AddHours(2), "Asia/Manila", "Planning", [], decider)
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static BookingRejectedIntegrationEvent BookingRejected(Guid requester, Guid decider, string resource) =>
        new(Guid.NewGuid(), Guid.NewGuid(), resource, requester, Start, Start.AddHours(2), "Asia/Manila", decider, "Room is being painted")
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static LeaveRequestedIntegrationEvent LeaveRequested(Guid person, IReadOnlyList<Guid> approvers, string type) =>
        new(Guid.NewGuid(), person, approvers, "VL", type, false, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 9), "Full", "Full", 2m,
            Start, Start.AddDays(2), "Family visit", null, false)
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static LeaveApprovedIntegrationEvent LeaveApproved(Guid person, Guid approver, string type) =>
        new(Guid.NewGuid(), person, approver, null, "VL", type, false, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 9), "Full", "Full", 2m,
            Start, Start.AddDays(2), "Family visit")
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static LeaveRejectedIntegrationEvent LeaveRejected(Guid person, Guid approver, string type) =>
        new(Guid.NewGuid(), person, approver, "VL", type, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 9), 2m, "Family visit", "Audit week")
        {
            OccurredAt = NotificationsFixture.Now,
        };

    public static ShareExpiringIntegrationEvent ShareExpiring(Guid owner, string label) =>
        new(Guid.NewGuid(), owner, label, NotificationsFixture.Now.AddDays(3)) { OccurredAt = NotificationsFixture.Now };

    public static ShareExpiredIntegrationEvent ShareExpired(Guid owner, string label) =>
        new(Guid.NewGuid(), owner, label, NotificationsFixture.Now) { OccurredAt = NotificationsFixture.Now };
}
