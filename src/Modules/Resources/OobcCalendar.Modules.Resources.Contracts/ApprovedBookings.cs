using Mediator;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>
/// Every approved booking that ends after <paramref name="EndsAfterUtc"/>, for another module to rebuild a read model
/// it otherwise keeps from <see cref="BookingApprovedIntegrationEvent"/> and <see cref="BookingCancelledIntegrationEvent"/>
/// (e.g. Scheduling's busy intervals). Pending, rejected and cancelled bookings hold no one's time, so they are left out.
/// </summary>
public sealed record ListApprovedBookings(DateTimeOffset EndsAfterUtc) : IQuery<IReadOnlyList<ApprovedBooking>>;

/// <summary>An approved booking as the approved event tells it: who it keeps busy, when, and what kind of thing was booked.</summary>
/// <param name="BookingId">The booking, as in its integration events.</param>
/// <param name="ResourceKind">"Room", "Vehicle" or "Equipment", as in <see cref="BookingApprovedIntegrationEvent.ResourceKind"/>.</param>
/// <param name="RequesterId">Who asked for it.</param>
/// <param name="AttendeeIds">Who else comes along.</param>
/// <param name="StartUtc">Start of the booked time (without set-up or clean-up buffers).</param>
/// <param name="EndUtc">End of the booked time.</param>
public sealed record ApprovedBooking(
    Guid BookingId, string ResourceKind, Guid RequesterId, IReadOnlyList<Guid> AttendeeIds, DateTimeOffset StartUtc, DateTimeOffset EndUtc);
