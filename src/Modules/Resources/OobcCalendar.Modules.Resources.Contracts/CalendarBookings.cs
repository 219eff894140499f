using Mediator;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>
/// Bookings a user requested or attends, overlapping [<paramref name="StartUtc"/>, <paramref name="EndUtc"/>):
/// approved ones, plus pending ones when <paramref name="IncludePending"/> (the combined calendar shows those
/// faded). Rejected and cancelled bookings never hold a slot, so they are never returned.
/// </summary>
public sealed record GetCalendarBookings(Guid UserId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, bool IncludePending = false)
    : IQuery<IReadOnlyList<CalendarBooking>>;

/// <summary>A booking as the calendar shows it. <paramref name="Status"/> is "Approved" or "Pending".</summary>
public sealed record CalendarBooking(Guid BookingId, Guid ResourceId, string ResourceName, string Purpose, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Status);
