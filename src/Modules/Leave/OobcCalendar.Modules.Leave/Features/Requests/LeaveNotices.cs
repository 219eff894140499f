using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>Builds the integration events and live notices of a request's change, in one place (as Resources' BookingNotices does).</summary>
internal static class LeaveNotices
{
    public static void Requested(LeaveDbContext db, LeaveRequest r, LeaveType type, IReadOnlyList<Guid> approvers, DateTimeOffset now)
    {
        var (start, end) = Instants(r);
        db.Publish(new LeaveRequestedIntegrationEvent(
            r.Id, r.PersonId, approvers, type.Code, type.Name, type.Settings.IsPrivate, r.FirstDay, r.LastDay, r.FirstDayPart.ToString(), r.LastDayPart.ToString(),
            r.Days, start, end, r.Reason, r.CoveringPersonId, r.NeedsSecondApproval)
        { OccurredAt = now });
        Live(db, r, "requested");
    }

    public static void Approved(LeaveDbContext db, LeaveRequest r, LeaveType type, DateTimeOffset now)
    {
        var (start, end) = Instants(r);
        db.Publish(new LeaveApprovedIntegrationEvent(
            r.Id, r.PersonId, r.DecidedBy!.Value, r.FirstApprovedBy, type.Code, type.Name, type.Settings.IsPrivate, r.FirstDay, r.LastDay,
            r.FirstDayPart.ToString(), r.LastDayPart.ToString(), r.Days, start, end, r.Reason)
        { OccurredAt = now });
        Live(db, r, "approved");
    }

    /// <summary>The manager approved and the second level must too: nothing is final, so no integration event; screens refresh.</summary>
    public static void PassedToSecondLevel(LeaveDbContext db, LeaveRequest r) => Live(db, r, "first-approved");

    public static void Rejected(LeaveDbContext db, LeaveRequest r, LeaveType type, DateTimeOffset now)
    {
        db.Publish(new LeaveRejectedIntegrationEvent(
            r.Id, r.PersonId, r.DecidedBy!.Value, type.Code, type.Name, r.FirstDay, r.LastDay, r.Days, r.Reason, r.DecisionReason!)
        { OccurredAt = now });
        Live(db, r, "rejected");
    }

    public static void Cancelled(LeaveDbContext db, LeaveRequest r, LeaveType type, bool wasApproved, decimal restored, DateOnly freedFrom, DateTimeOffset now)
    {
        var (start, end) = Instants(r);
        db.Publish(new LeaveCancelledIntegrationEvent(
            r.Id, r.PersonId, r.CancelledBy!.Value, type.Code, type.Name, r.FirstDay, r.LastDay, r.Days, restored, freedFrom, start, end, r.Reason, wasApproved)
        { OccurredAt = now });
        Live(db, r, "cancelled");
    }

    /// <summary>The person asked to cancel leave under way, or the approver declined: nothing final, so no integration event; screens refresh.</summary>
    public static void CancelAskChanged(LeaveDbContext db, LeaveRequest r, string kind) => Live(db, r, kind);

    /// <summary>Who approves whom changed (a delegation, an HR approver): every approval screen and counter re-queries.</summary>
    public static void ApproversChanged(LeaveDbContext db) =>
        db.NotifyLive(new LiveUpdate(LeaveTopics.Requests, "approvers", "approvers-changed"));

    public static void BalanceChanged(LeaveDbContext db, Guid personId) =>
        db.NotifyLive(new LiveUpdate(LeaveTopics.Balances, personId.ToString(), "changed", [personId]));

    /// <summary>The request's wall-clock half days in the office zone, as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(LeaveRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return (WallClock.ToUtc(r.HeldFrom, OfficeTime.DefaultTimeZoneId), WallClock.ToUtc(r.HeldUntil, OfficeTime.DefaultTimeZoneId));
    }

    // No audience: the notice carries only the id, and every approval screen re-queries what its user may see.
    private static void Live(LeaveDbContext db, LeaveRequest r, string kind) =>
        db.NotifyLive(new LiveUpdate(LeaveTopics.Requests, r.Id.ToString(), kind));
}
