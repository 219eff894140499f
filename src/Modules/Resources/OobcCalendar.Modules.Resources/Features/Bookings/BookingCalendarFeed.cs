using Mediator;
using Microsoft.AspNetCore.Http;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// <c>GET /api/calendar/bookings?start=&amp;end=</c> (times per <see cref="CalendarFeedTime"/>): the signed-in user's bookings (requested or attended)
/// as FullCalendar event objects for the combined calendar. Approved ones in green; pending ones faded, so a
/// request still waiting is visible without looking confirmed. Times are wall-clock times of the user's zone
/// without an offset, as every feed speaks them (<see cref="CalendarFeedTime"/>, docs/adr/0005).
/// </summary>
internal static class BookingCalendarFeed
{
    public const string Path = "/api/calendar/bookings";
    public const string ApprovedColour = "#2e7d32";

    // Pale fill with dark-green text (contrast 5.7:1) and the approved green as its border: "not yet", still legible.
    public const string PendingColour = "#c8e6c9";
    public const string PendingTextColour = "#1b5e20";
    public const string PendingClass = "oobc-pending";

    private const string MyBookings = "/resources/bookings";

    public static async Task<IResult> GetAsync(string? start, string? end, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken)
    {
        var zone = OfficeTime.Zone(user.TimeZoneId);
        var (from, to) = CalendarFeedTime.ParseWindow(start, end, zone);
        var bookings = await mediator.Send(new GetCalendarBookings(user.Id, from, to, IncludePending: true), cancellationToken);
        return Results.Ok(bookings.Select(b => ToEvent(b, zone)).ToList());
    }

    private static BookingFeedEvent ToEvent(CalendarBooking booking, TimeZoneInfo zone)
    {
        var pending = booking.Status == nameof(Domain.Bookings.BookingStatus.Pending);
        return new BookingFeedEvent(
            $"booking:{booking.BookingId}",
            $"{booking.ResourceName}: {booking.Purpose}",
            CalendarFeedTime.Format(booking.StartUtc, zone),
            CalendarFeedTime.Format(booking.EndUtc, zone),
            pending ? PendingColour : ApprovedColour,
            ApprovedColour,
            pending ? PendingTextColour : "#ffffff",
            Editable: false,
            MyBookings,
            pending ? [PendingClass] : [],
            new BookingFeedProps("booking", booking.BookingId, booking.Status, booking.ResourceName));
    }
}

/// <summary>A FullCalendar event object (camel-cased by the host's JSON options).</summary>
internal sealed record BookingFeedEvent(
    string Id,
    string Title,
    string Start,
    string End,
    string Color,
    string BorderColor,
    string TextColor,
    bool Editable,
    string Url,
    IReadOnlyList<string> ClassNames,
    BookingFeedProps ExtendedProps);

/// <summary>What the calendar page needs to tell a booking apart from an event and show its details.</summary>
internal sealed record BookingFeedProps(string Kind, Guid BookingId, string Status, string ResourceName);
