using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>
/// Someone filed a leave request; <see cref="ApproverIds"/> may decide it. Dates are the office's (Asia/Manila) days;
/// <see cref="StartUtc"/>/<see cref="EndUtc"/> are the same span as instants (half days end or start at noon), for
/// consumers that keep busy times. <see cref="IsPrivate"/>: colleagues may see only "Out of office", not the type.
/// </summary>
/// <param name="RequestId">The request, as in all its events.</param>
/// <param name="PersonId">Who will be away.</param>
/// <param name="ApproverIds">Who may decide (the manager, a substitute, or Admins when there is none).</param>
/// <param name="LeaveTypeCode">Stable code of the type ("VL", "SL"...).</param>
/// <param name="LeaveTypeName">Name of the type as filed.</param>
/// <param name="IsPrivate">Whether the type is private to the person, their approvers and Admin.</param>
/// <param name="FirstDay">First day away.</param>
/// <param name="LastDay">Last day away (inclusive).</param>
/// <param name="FirstDayPart">"Full", "Morning" or "Afternoon".</param>
/// <param name="LastDayPart">"Full", "Morning" or "Afternoon".</param>
/// <param name="Days">Working days it costs.</param>
/// <param name="StartUtc">Start of the time away.</param>
/// <param name="EndUtc">End of the time away.</param>
/// <param name="Reason">The requester's reason.</param>
/// <param name="CoveringPersonId">Who covers, if named.</param>
/// <param name="NeedsSecondApproval">Whether Admin must approve after the manager.</param>
public sealed record LeaveRequestedIntegrationEvent(
    Guid RequestId,
    Guid PersonId,
    IReadOnlyList<Guid> ApproverIds,
    string LeaveTypeCode,
    string LeaveTypeName,
    bool IsPrivate,
    DateOnly FirstDay,
    DateOnly LastDay,
    string FirstDayPart,
    string LastDayPart,
    decimal Days,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string Reason,
    Guid? CoveringPersonId,
    bool NeedsSecondApproval) : IntegrationEvent;

/// <summary>
/// A leave request is approved for good (every level): the person is away then. <see cref="ApprovedBy"/> took the
/// last decision; <see cref="FirstApprovedBy"/> the manager's, when a second level followed.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="PersonId">Who will be away.</param>
/// <param name="ApprovedBy">Who took the final decision.</param>
/// <param name="FirstApprovedBy">Who approved at the first level.</param>
/// <param name="LeaveTypeCode">Stable code of the type.</param>
/// <param name="LeaveTypeName">Name of the type.</param>
/// <param name="IsPrivate">Whether colleagues may see only "Out of office".</param>
/// <param name="FirstDay">First day away.</param>
/// <param name="LastDay">Last day away (inclusive).</param>
/// <param name="FirstDayPart">"Full", "Morning" or "Afternoon".</param>
/// <param name="LastDayPart">"Full", "Morning" or "Afternoon".</param>
/// <param name="Days">Working days it costs.</param>
/// <param name="StartUtc">Start of the time away.</param>
/// <param name="EndUtc">End of the time away.</param>
/// <param name="Reason">The requester's reason.</param>
public sealed record LeaveApprovedIntegrationEvent(
    Guid RequestId,
    Guid PersonId,
    Guid ApprovedBy,
    Guid? FirstApprovedBy,
    string LeaveTypeCode,
    string LeaveTypeName,
    bool IsPrivate,
    DateOnly FirstDay,
    DateOnly LastDay,
    string FirstDayPart,
    string LastDayPart,
    decimal Days,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string Reason) : IntegrationEvent;

/// <summary>An approver turned a leave request down, with <see cref="DecisionReason"/>.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="PersonId">Who asked.</param>
/// <param name="RejectedBy">Who decided.</param>
/// <param name="LeaveTypeCode">Stable code of the type.</param>
/// <param name="LeaveTypeName">Name of the type.</param>
/// <param name="FirstDay">First day asked for.</param>
/// <param name="LastDay">Last day asked for.</param>
/// <param name="Days">Working days it would have cost.</param>
/// <param name="Reason">The requester's reason.</param>
/// <param name="DecisionReason">Why it was rejected.</param>
public sealed record LeaveRejectedIntegrationEvent(
    Guid RequestId,
    Guid PersonId,
    Guid RejectedBy,
    string LeaveTypeCode,
    string LeaveTypeName,
    DateOnly FirstDay,
    DateOnly LastDay,
    decimal Days,
    string Reason,
    string DecisionReason) : IntegrationEvent;

/// <summary>
/// A pending or approved leave request was cancelled: its days are free again (from <see cref="FreedFrom"/> when an
/// approver cut short leave that had started). <see cref="WasApproved"/> tells consumers of busy times to release it.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="PersonId">Who was to be away.</param>
/// <param name="CancelledBy">The person or their approver.</param>
/// <param name="LeaveTypeCode">Stable code of the type.</param>
/// <param name="LeaveTypeName">Name of the type.</param>
/// <param name="FirstDay">First day of the request.</param>
/// <param name="LastDay">Last day of the request.</param>
/// <param name="Days">Working days the request cost.</param>
/// <param name="DaysRestored">Days given back to the balance (0 for a pending request or a type without balance).</param>
/// <param name="FreedFrom">The first day no longer away.</param>
/// <param name="StartUtc">Start of the time away as filed.</param>
/// <param name="EndUtc">End of the time away as filed.</param>
/// <param name="Reason">The requester's reason.</param>
/// <param name="WasApproved">Whether it had been approved.</param>
public sealed record LeaveCancelledIntegrationEvent(
    Guid RequestId,
    Guid PersonId,
    Guid CancelledBy,
    string LeaveTypeCode,
    string LeaveTypeName,
    DateOnly FirstDay,
    DateOnly LastDay,
    decimal Days,
    decimal DaysRestored,
    DateOnly FreedFrom,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string Reason,
    bool WasApproved) : IntegrationEvent;
