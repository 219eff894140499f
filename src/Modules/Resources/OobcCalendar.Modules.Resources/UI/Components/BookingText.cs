using System.Globalization;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>
/// How the booking screens word rules, limits and waits (Scheduling's counterpart is EventText). Dates, times and
/// ranges come from Shared's <see cref="TimeText"/>, so bookings and events read alike.
/// </summary>
internal static class BookingText
{
    /// <summary>"Mon–Fri, 7:00 AM – 7:00 PM" in the resource's zone (named when it is not the reader's).</summary>
    public static string Hours(BookingRules rules, string resourceZone, string readerZone)
    {
        var days = Days(rules);
        var hours = rules.IsAllDay ? "any time" : TimeText.Times(rules.OpensAt, rules.ClosesAt);
        var zone = resourceZone == readerZone ? string.Empty : $" ({resourceZone})";
        return $"{days}, {hours}{zone}";
    }

    /// <summary>Notice and length limits in a phrase: "book 1 hour ahead · up to 8 hours".</summary>
    public static string Limits(BookingRules rules)
    {
        var parts = new List<string>();
        if (rules.MinimumNoticeMinutes > 0)
        {
            parts.Add($"book {Durations.Describe(rules.MinimumNoticeMinutes)} ahead");
        }

        parts.Add($"up to {Durations.Describe(rules.MaximumDurationMinutes)}");
        parts.Add($"up to {rules.MaximumAdvanceDays} days in advance");
        return string.Join(" · ", parts);
    }

    /// <summary>"just now", "25 min", "3 h", "2 days": how long a request has been waiting.</summary>
    public static string Waited(TimeSpan waited) => waited switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)waited.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)waited.TotalHours} h",
        { TotalDays: < 2 } => "1 day",
        _ => $"{(int)waited.TotalDays} days",
    };

    private static string Days(BookingRules rules)
    {
        if (rules.Days == BookingRules.EveryDayMask)
        {
            return "Every day";
        }

        if (rules.Days == BookingRules.WeekdaysMask)
        {
            return "Mon–Fri";
        }

        return string.Join(", ", rules.BookableDays.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));
    }
}
