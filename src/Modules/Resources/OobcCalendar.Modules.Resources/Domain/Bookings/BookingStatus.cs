namespace OobcCalendar.Modules.Resources.Domain.Bookings;

/// <summary>Where a booking stands. Pending and Approved hold the slot; the others free it.</summary>
internal enum BookingStatus
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
}
