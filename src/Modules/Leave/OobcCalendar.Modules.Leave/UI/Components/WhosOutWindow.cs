using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>One of the Who's out page's periods: its days (inclusive) and how it is titled.</summary>
internal sealed record WhosOutWindow(string Key, string Title, DateOnly From, DateOnly To, string Empty)
{
    public string Dates => From == To ? TimeText.Date(From) : $"{TimeText.Day(From)} – {TimeText.Date(To)}";

    /// <summary>Today, this week (Monday to Sunday) and this month around <paramref name="today"/>.</summary>
    public static IReadOnlyList<WhosOutWindow> Around(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = new DateOnly(today.Year, today.Month, 1);
        return
        [
            new("today", "Today", today, today, "Nobody is out today"),
            new("week", "This week", monday, monday.AddDays(6), "Nobody is out this week"),
            new("month", "This month", first, first.AddMonths(1).AddDays(-1), "Nobody is out this month"),
        ];
    }
}
