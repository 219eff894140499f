using Mediator;

namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>
/// Every approved leave request that ends after <paramref name="EndsAfterUtc"/>, for another module to rebuild a read
/// model it otherwise keeps from <see cref="LeaveApprovedIntegrationEvent"/> and <see cref="LeaveCancelledIntegrationEvent"/>
/// (e.g. Scheduling's busy intervals, ADR 0010). Pending, rejected and cancelled requests keep nobody away.
/// </summary>
public sealed record ListApprovedLeave(DateTimeOffset EndsAfterUtc) : IQuery<IReadOnlyList<ApprovedLeave>>;

/// <summary>Approved leave as its approved event tells it.</summary>
/// <param name="RequestId">The request, as in its integration events.</param>
/// <param name="PersonId">Who is away.</param>
/// <param name="LeaveTypeCode">Stable code of the type.</param>
/// <param name="IsPrivate">Whether colleagues may see only "Out of office".</param>
/// <param name="FirstDay">First day away (office zone).</param>
/// <param name="LastDay">Last day away (inclusive).</param>
/// <param name="StartUtc">Start of the time away.</param>
/// <param name="EndUtc">End of the time away.</param>
public sealed record ApprovedLeave(
    Guid RequestId, Guid PersonId, string LeaveTypeCode, bool IsPrivate, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset StartUtc, DateTimeOffset EndUtc);
