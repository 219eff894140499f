using System.Globalization;

namespace OobcCalendar.Shared.Recurrence;

/// <summary>
/// Plain-language summaries of recurrence rules ("Every 2 weeks on Mon and Wed, until 31 Dec 2027"),
/// in English with day-month-year dates as the office writes them.
/// </summary>
public static class RecurrenceText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];

    /// <summary>
    /// Describes <paramref name="rrule"/>. <paramref name="firstDate"/> (the first occurrence) fills in what the
    /// rule leaves implicit, e.g. the weekday of a plain weekly rule. Rules the form cannot express get a generic sentence.
    /// </summary>
    public static string Describe(string? rrule, string? timeZoneId = null, DateOnly? firstDate = null) =>
        RecurrenceChoice.TryParse(rrule, timeZoneId, out var choice, firstDate)
            ? Describe(choice, firstDate)
            : string.IsNullOrWhiteSpace(rrule) ? "Does not repeat" : $"Repeats by a custom rule ({rrule.Trim()})";

    /// <summary>Describes a choice made in the editor.</summary>
    public static string Describe(RecurrenceChoice choice, DateOnly? firstDate = null)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return Pattern(choice, firstDate) + Ending(choice);
    }

    private static string Pattern(RecurrenceChoice c, DateOnly? firstDate) => c.Frequency switch
    {
        RecurrenceFrequency.Daily => Every(c.Interval, "day"),
        RecurrenceFrequency.Weekly => Weekly(c, firstDate),
        RecurrenceFrequency.Monthly => Every(c.Interval, "month") + Monthly(c, firstDate),
        _ => Every(c.Interval, "year") + (firstDate is { } d ? " on " + d.ToString("d MMMM", Culture) : string.Empty),
    };

    private static string Weekly(RecurrenceChoice c, DateOnly? firstDate)
    {
        IReadOnlyList<DayOfWeek> days = c.Weekdays.Count > 0 ? c.Weekdays : firstDate is { } d ? [d.DayOfWeek] : [];
        var ordered = RecurrenceChoice.WeekOrder.Where(days.Contains).ToList();
        if (c.Interval == 1 && ordered.Count == 5 && !ordered.Contains(DayOfWeek.Saturday) && !ordered.Contains(DayOfWeek.Sunday))
        {
            return "Every weekday (Mon–Fri)";
        }

        if (c.Interval == 1 && ordered.Count == 7)
        {
            return "Every day";
        }

        return Every(c.Interval, "week") + (ordered.Count == 0 ? string.Empty : " on " + List(ordered.Select(Short)));
    }

    private static string Monthly(RecurrenceChoice c, DateOnly? firstDate)
    {
        if (c.MonthlyPattern == MonthlyPattern.NthWeekday)
        {
            var which = c.WeekOfMonth == -1 ? "last" : Ordinals[Math.Clamp(c.WeekOfMonth, 1, 4) - 1];
            return $" on the {which} {Culture.DateTimeFormat.GetDayName(c.NthWeekday)}";
        }

        // RFC 5545 skips months that lack the day rather than moving to the month's end.
        return (c.DayOfMonth ?? firstDate?.Day) switch
        {
            null => string.Empty,
            > 28 and var day => $" on day {day} (skipped in shorter months)",
            var day => $" on day {day}",
        };
    }

    private static string Ending(RecurrenceChoice c) => c.End switch
    {
        RecurrenceEnd.OnDate when c.Until is { } until => ", until " + until.ToString("d MMM yyyy", Culture),
        RecurrenceEnd.AfterCount => c.Count == 1 ? ", once" : $", {c.Count} times",
        _ => string.Empty,
    };

    private static string Every(int interval, string unit) => interval <= 1 ? $"Every {unit}" : $"Every {interval} {unit}s";

    private static string Short(DayOfWeek day) => Culture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
