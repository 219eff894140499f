using OobcCalendar.Shared.Calendar;

namespace OobcCalendar.Modules.Leave.Features.Calendar;

/// <summary>The calendar window as the days (first and last, inclusive) of the viewer's zone that leave and holidays are kept in.</summary>
internal static class CalendarDays
{
    public static (DateOnly From, DateOnly To) Of(CalendarFeedRequest feed)
    {
        var from = DateOnly.FromDateTime(feed.Local(feed.Start));
        var to = DateOnly.FromDateTime(feed.Local(feed.End).AddTicks(-1));
        return (from, to < from ? from : to);
    }
}
