using Mediator;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>
/// How many pending booking requests <paramref name="ApproverId"/> may decide now: the count their approvals dashboard
/// would list (0 for someone who approves nothing). For summaries sent without the person signed in, e.g. digests.
/// </summary>
public sealed record CountBookingsAwaitingDecision(Guid ApproverId) : IQuery<int>;
