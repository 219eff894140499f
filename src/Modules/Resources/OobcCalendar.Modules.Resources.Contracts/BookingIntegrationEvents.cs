using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>Someone asked for a resource. <see cref="ApproverIds"/> must decide when <see cref="NeedsApproval"/>; otherwise it is already confirmed.</summary>
public sealed record BookingRequestedIntegrationEvent(
    Guid BookingId,
    Guid ResourceId,
    string ResourceName,
    string ResourceKind,
    Guid RequesterId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    string Purpose,
    IReadOnlyList<Guid> AttendeeIds,
    bool NeedsApproval,
    IReadOnlyList<Guid> ApproverIds,
    Guid? SeriesId) : IntegrationEvent;

/// <summary>A booking now holds its slot for sure (approved by <see cref="DecidedBy"/>, or confirmed at once when <see cref="DecidedBy"/> is null).</summary>
public sealed record BookingApprovedIntegrationEvent(
    Guid BookingId,
    Guid ResourceId,
    string ResourceName,
    string ResourceKind,
    Guid RequesterId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    string Purpose,
    IReadOnlyList<Guid> AttendeeIds,
    Guid? DecidedBy) : IntegrationEvent;

/// <summary>An approver turned a request down.</summary>
public sealed record BookingRejectedIntegrationEvent(
    Guid BookingId,
    Guid ResourceId,
    string ResourceName,
    Guid RequesterId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    Guid DecidedBy,
    string Reason) : IntegrationEvent;

/// <summary>A pending or approved booking was cancelled; its slot is free again.</summary>
public sealed record BookingCancelledIntegrationEvent(
    Guid BookingId,
    Guid ResourceId,
    string ResourceName,
    Guid RequesterId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    IReadOnlyList<Guid> AttendeeIds,
    Guid CancelledBy,
    bool WasApproved) : IntegrationEvent;
