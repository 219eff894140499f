using System.Globalization;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.Time;

/// <summary>
/// The one way the product writes dates, times and ranges for people (ADR 0012): 12-hour times ("9:00 AM"),
/// short English day and month names ("Wed 2 Dec 2026"), an en dash between the ends of a range. Every
/// module's screens, dialogs and messages use it, in the reader's zone, so a booking and a meeting at the
/// same hour read the same. Machine formats (feeds, ICS, URLs) do not belong here.
/// </summary>
public static class TimeText
{
    // Fixed, not the server's or browser's culture: the same text on every machine and in every test.
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"9:00 AM".</summary>
    public static string Time(TimeOnly time) => time.ToString("h:mm tt", Culture);

    /// <summary>"9:00 AM": the wall-clock time of a local date and time.</summary>
    public static string Time(DateTime local) => local.ToString("h:mm tt", Culture);

    /// <summary>"9:00 AM": the wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) => Time(WallClock.ToLocal(instant, zone));

    /// <summary>"Wed 2 Dec 2026".</summary>
    public static string Date(DateOnly day) => day.ToString("ddd d MMM yyyy", Culture);

    /// <summary>"Wed 2 Dec 2026": the local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone) => Date(WallClock.ToLocalDate(instant, zone));

    /// <summary>"Wed 2 Dec": a date without its year, for lists within the next few weeks.</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM", Culture);

    /// <summary>"Wed 2 Dec": the local date of <paramref name="instant"/> in <paramref name="zone"/>, without its year.</summary>
    public static string Day(DateTimeOffset instant, TimeZoneInfo zone) => Day(WallClock.ToLocalDate(instant, zone));

    /// <summary>"Wednesday 2 December 2026": a day spelt out, for headings.</summary>
    public static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"Wed 2 Dec 2026, 9:00 AM".</summary>
    public static string DateAndTime(DateTime local) => $"{Date(DateOnly.FromDateTime(local))}, {Time(local)}";

    /// <summary>
    /// "Wed 2 Dec 2026, 9:00 AM – 11:30 AM" on one day (an end at the following midnight reads "midnight"),
    /// "Wed 2 Dec, 11:00 PM – Thu 3 Dec 2026, 1:00 AM" across days; in <paramref name="zone"/>.
    /// </summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var s = WallClock.ToLocal(start, zone);
        var e = WallClock.ToLocal(end, zone);
        if (s.Date == e.Date)
        {
            return $"{Date(DateOnly.FromDateTime(s))}, {Time(s)} – {Time(e)}";
        }

        return EndsAtNextMidnight(s, e)
            ? $"{Date(DateOnly.FromDateTime(s))}, {Time(s)} – midnight"
            : $"{Day(DateOnly.FromDateTime(s))}, {Time(s)} – {DateAndTime(e)}";
    }

    /// <summary><see cref="Range(DateTimeOffset, DateTimeOffset, TimeZoneInfo)"/> in the zone named <paramref name="zoneId"/>.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string? zoneId) => Range(start, end, OfficeTime.Zone(zoneId));

    /// <summary>"9:00 AM – 10:00 AM" when the range lies within <paramref name="day"/> (a column or row for that day), else the full range.</summary>
    public static string RangeOn(DateOnly day, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var s = WallClock.ToLocal(start, zone);
        var e = WallClock.ToLocal(end, zone);
        if (DateOnly.FromDateTime(s) != day)
        {
            return Range(start, end, zone);
        }

        return DateOnly.FromDateTime(e) == day ? Times(s, e)
            : EndsAtNextMidnight(s, e) ? $"{Time(s)} – midnight"
            : Range(start, end, zone);
    }

    /// <summary>"7:00 AM – 7:00 PM": two times of day.</summary>
    public static string Times(TimeOnly from, TimeOnly to) => $"{Time(from)} – {Time(to)}";

    /// <summary>"9:00 AM – 10:00 AM" for the hour starting at <paramref name="hour"/> (0–23), "—" for none.</summary>
    public static string Hour(int? hour) =>
        hour is { } h ? Times(new TimeOnly(h, 0), new TimeOnly((h + 1) % 24, 0)) : "—";

    /// <summary>"9 AM": a short label for the hour starting at <paramref name="hour"/> (0–23), for time axes.</summary>
    public static string HourLabel(int hour) => new TimeOnly(hour, 0).ToString("h tt", Culture);

    /// <summary>
    /// Whole days (midnight to midnight in <paramref name="zone"/>) as days, "Tue 8 Dec 2026 (all day)" or
    /// "Tue 8 Dec – Thu 10 Dec 2026 (all day)"; anything else as a <see cref="Range(DateTimeOffset, DateTimeOffset, TimeZoneInfo)"/>.
    /// </summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var s = WallClock.ToLocal(start, zone);
        var e = WallClock.ToLocal(end, zone);
        return s.TimeOfDay == TimeSpan.Zero && e.TimeOfDay == TimeSpan.Zero && e > s
            ? AllDay(DateOnly.FromDateTime(s), DateOnly.FromDateTime(e).AddDays(-1))
            : Range(start, end, zone);
    }

    /// <summary><see cref="Period(DateTimeOffset, DateTimeOffset, TimeZoneInfo)"/> in the zone named <paramref name="zoneId"/>.</summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end, string? zoneId) => Period(start, end, OfficeTime.Zone(zoneId));

    /// <summary>"Tue 8 Dec 2026 (all day)", or "Tue 8 Dec – Thu 10 Dec 2026 (all day)" from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static string AllDay(DateOnly first, DateOnly last) => last <= first
        ? $"{Date(first)} (all day)"
        : $"{Day(first)} – {Date(last)} (all day)";

    /// <summary>
    /// A range of wall-clock times already in the reader's zone (a calendar entry, a quick-add parse): "Tue 8 Dec 2026,
    /// 9:00 AM – 10:00 AM", across days with both dates; all-day ranges end exclusive, as calendars send them.
    /// <paramref name="longFirstDate"/> spells the first day out ("Tuesday 8 December 2026") for a confirmation.
    /// </summary>
    public static string WallRange(DateTime start, DateTime end, bool allDay, bool longFirstDate = false)
    {
        var first = DateOnly.FromDateTime(start);
        if (allDay)
        {
            var last = DateOnly.FromDateTime(end.AddDays(-1));
            return last <= first ? $"{(longFirstDate ? LongDate(first) : Date(first))} (all day)" : AllDay(first, last);
        }

        return end.Date == start.Date
            ? $"{(longFirstDate ? LongDate(first) : Date(first))}, {Times(start, end)}"
            : $"{Day(first)}, {Time(start)} – {DateAndTime(end)}";
    }

    private static string Times(DateTime s, DateTime e) => $"{Time(s)} – {Time(e)}";

    private static bool EndsAtNextMidnight(DateTime s, DateTime e) => e.TimeOfDay == TimeSpan.Zero && e.Date == s.Date.AddDays(1);
}
