using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.Calendar;

/// <summary>Maps a calendar feed the one way every module's feed works (docs/adr/0013).</summary>
public static class CalendarFeedEndpoints
{
    /// <summary>
    /// Maps <c>GET {path}?start=ISO&amp;end=ISO</c> for signed-in users: reads the window in the user's zone with
    /// <see cref="CalendarFeedTime.ParseWindow"/> (a bad or over-long one is a 400 problem naming the field), asks
    /// <paramref name="read"/> for the entries and writes them as FullCalendar event objects (<see cref="CalendarFeedJson"/>).
    /// </summary>
    /// <example>
    /// <code>endpoints.MapCalendarFeed("/api/calendar/bookings", async (feed, ct) =>
    ///     (await feed.Service&lt;IMediator&gt;().Send(new GetCalendarBookings(feed.User.Id, feed.Start, feed.End, true), ct))
    ///         .Select(b => new CalendarFeedEntry($"booking:{b.BookingId}", "booking", b.Purpose, feed.Local(b.StartUtc), feed.Local(b.EndUtc))));</code>
    /// </example>
    public static RouteHandlerBuilder MapCalendarFeed(
        this IEndpointRouteBuilder endpoints, string path, Func<CalendarFeedRequest, CancellationToken, Task<IEnumerable<CalendarFeedEntry>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return endpoints.MapGet(path, async (HttpContext http) =>
            {
                var user = http.RequestServices.GetRequiredService<ICurrentUser>();
                var zone = OfficeTime.Zone(user.TimeZoneId);
                var (start, end) = CalendarFeedTime.ParseWindow(http.Request.Query["start"].FirstOrDefault(), http.Request.Query["end"].FirstOrDefault(), zone);
                var entries = await read(new CalendarFeedRequest(http, start, end, zone, user), http.RequestAborted);
                return Results.Bytes(CalendarFeedJson.Write(entries), "application/json; charset=utf-8");
            })
            .RequireAuthorization();
    }
}
