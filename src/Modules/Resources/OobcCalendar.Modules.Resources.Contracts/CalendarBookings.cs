using Mediator;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>
/// Approved bookings a user requested or attends, overlapping [<paramref name="StartUtc"/>, <paramref name="EndUtc"/>):
/// the combined calendar shows them in green.
/// </summary>
public sealed record GetCalendarBookings(Guid UserId, DateTimeOffset StartUtc, DateTimeOffset EndUtc) : IQuery<IReadOnlyList<CalendarBooking>>;

/// <summary>A booking as the calendar shows it.</summary>
public sealed record CalendarBooking(Guid BookingId, Guid ResourceId, string ResourceName, string Purpose, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Status);
