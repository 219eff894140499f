using Mediator;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.Calendar;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// <c>GET /api/calendar/bookings?start=&amp;end=</c>: the signed-in user's bookings (requested or attended) for the combined
/// calendar, mapped with <see cref="CalendarFeedEndpoints.MapCalendarFeed"/>. Approved ones filled green; pending ones
/// carry the shared <see cref="CalendarEntryStyle.Pending"/> flag (the calendar outlines and hatches them, its legend and
/// details say "pending approval") over a pale fill, so a request still waiting is visible without looking confirmed. Read-only there: the details dialog shows
/// <see cref="UI.Components.BookingEntryDetails"/> with a link to My bookings.
/// </summary>
internal static class BookingCalendarFeed
{
    public const string Path = "/api/calendar/bookings";
    public const string Kind = "booking";
    public const string ApprovedColour = "#2e7d32";

    // Pale fill with dark-green text (contrast 5.7:1) and the approved green as its border: "not yet", still legible.
    public const string PendingColour = "#c8e6c9";
    public const string PendingTextColour = "#1b5e20";

    /// <summary>Where the user manages their bookings.</summary>
    public const string MyBookings = "/resources/bookings";

    public static async Task<IEnumerable<CalendarFeedEntry>> ReadAsync(CalendarFeedRequest feed, CancellationToken cancellationToken)
    {
        var bookings = await feed.Service<IMediator>().Send(new GetCalendarBookings(feed.User.Id, feed.Start, feed.End, IncludePending: true), cancellationToken);
        return bookings.Select(b => ToEntry(b, feed));
    }

    private static CalendarFeedEntry ToEntry(CalendarBooking booking, CalendarFeedRequest feed)
    {
        var pending = booking.Status == nameof(Domain.Bookings.BookingStatus.Pending);
        return new CalendarFeedEntry(
            $"booking:{booking.BookingId}",
            Kind,
            $"{booking.ResourceName}: {booking.Purpose}",
            feed.Local(booking.StartUtc),
            feed.Local(booking.EndUtc))
        {
            Colour = pending ? PendingColour : ApprovedColour,
            AccentColour = ApprovedColour,
            TextColour = pending ? PendingTextColour : "#ffffff",
            Url = MyBookings,
            Style = pending ? CalendarEntryStyle.Pending : CalendarEntryStyle.None,
            Details = new Dictionary<string, string?>
            {
                ["bookingId"] = booking.BookingId.ToString(),
                ["status"] = booking.Status,
                ["resourceName"] = booking.ResourceName,
            },
        };
    }
}
