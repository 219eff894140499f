using Mediator;

namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>
/// How many leave requests (and asks to cancel approved leave) <paramref name="ApproverId"/> may decide now: the count
/// their approvals dashboard would list, as manager, substitute, second-level approver or Admin. For summaries sent
/// without the person signed in, e.g. digests.
/// </summary>
public sealed record CountLeaveAwaitingDecision(Guid ApproverId) : IQuery<int>;
