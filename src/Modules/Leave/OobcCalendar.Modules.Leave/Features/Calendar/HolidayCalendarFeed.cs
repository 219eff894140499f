using Mediator;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Calendar;

/// <summary>
/// <c>GET /api/calendar/holidays?start=&amp;end=</c>: the days off the viewer has, as all-day entries: office-wide
/// holidays and those of the viewer's own unit (another unit's local holiday is not theirs).
/// </summary>
internal static class HolidayCalendarFeed
{
    public const string Path = "/api/calendar/holidays";
    public const string Key = "holidays";
    public const string Kind = "holiday";
    public const string Colour = "#6a1b9a";

    public static async Task<IEnumerable<CalendarFeedEntry>> ReadAsync(CalendarFeedRequest feed, CancellationToken cancellationToken)
    {
        var (from, to) = CalendarDays.Of(feed);
        var me = await feed.Service<IUserDirectory>().FindAsync(feed.User.Id, cancellationToken);
        var holidays = await feed.Service<IMediator>().Send(new ListHolidays(from, to, me?.OrganisationUnitId), cancellationToken);
        return holidays.Select(h => ToEntry(h, me?.OrganisationUnitName));
    }

    private static CalendarFeedEntry ToEntry(HolidayItem holiday, string? unitName) =>
        new($"holiday:{holiday.Id}", Kind, holiday.ToBeConfirmed ? $"{holiday.Name} (to be confirmed)" : holiday.Name,
            holiday.Date.ToDateTime(TimeOnly.MinValue), holiday.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), AllDay: true)
        {
            Colour = Colour,
            TextColour = "#ffffff",
            Details = new Dictionary<string, string?>
            {
                ["holidayId"] = holiday.Id.ToString(),
                ["holidayKind"] = HolidayText.Kind(holiday.Kind),
                ["scope"] = holiday.UnitId is null ? "Office-wide" : unitName ?? "Your unit",
            },
        };
}
