using System.Globalization;

namespace OobcCalendar.Shared.Recurrence;

/// <summary>How often a series repeats.</summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// <summary>How a monthly series picks its day.</summary>
public enum MonthlyPattern
{
    /// <summary>The same day number each month (BYMONTHDAY).</summary>
    DayOfMonth,

    /// <summary>The nth (or last) weekday of the month (BYDAY=2TU, BYDAY=-1FR).</summary>
    NthWeekday,
}

/// <summary>When a series stops.</summary>
public enum RecurrenceEnd
{
    Never,
    OnDate,
    AfterCount,
}

/// <summary>
/// The subset of RFC 5545 RRULE that people pick in a form: frequency, interval, weekdays, a monthly day
/// or nth weekday, and an end. <see cref="ToRRule"/> writes it; <see cref="TryParse"/> reads back what it wrote
/// (and anything else of the same shape), so the editor can reopen a saved rule.
/// </summary>
public sealed record RecurrenceChoice
{
    /// <summary>Weekdays in the order people read them (Monday first).</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public RecurrenceFrequency Frequency { get; init; } = RecurrenceFrequency.Weekly;

    /// <summary>Every <c>Interval</c> days/weeks/months/years (1 or more).</summary>
    public int Interval { get; init; } = 1;

    /// <summary>Days of a weekly series; empty means the first occurrence's weekday.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];

    public MonthlyPattern MonthlyPattern { get; init; } = MonthlyPattern.DayOfMonth;

    /// <summary>Day number (1–31) for <see cref="MonthlyPattern.DayOfMonth"/>; null means the first occurrence's day.</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>1–4 for first…fourth, -1 for last (<see cref="MonthlyPattern.NthWeekday"/>).</summary>
    public int WeekOfMonth { get; init; } = 1;

    public DayOfWeek NthWeekday { get; init; } = DayOfWeek.Monday;

    public RecurrenceEnd End { get; init; } = RecurrenceEnd.Never;

    /// <summary>Last day (inclusive, in the series' zone) for <see cref="RecurrenceEnd.OnDate"/>.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Number of occurrences for <see cref="RecurrenceEnd.AfterCount"/>.</summary>
    public int Count { get; init; } = 10;

    /// <summary>
    /// A sensible starting choice for a series whose first occurrence is on <paramref name="firstDate"/>:
    /// weekly on that weekday, monthly on that day number or that nth weekday.
    /// </summary>
    public static RecurrenceChoice StartingOn(DateOnly firstDate) => new()
    {
        Weekdays = [firstDate.DayOfWeek],
        DayOfMonth = firstDate.Day,
        WeekOfMonth = (firstDate.Day - 1) / 7 + 1 > 4 ? -1 : (firstDate.Day - 1) / 7 + 1,
        NthWeekday = firstDate.DayOfWeek,
    };

    /// <summary>
    /// The RRULE value (no "RRULE:" prefix). UNTIL is written as the UTC instant of the end of
    /// <see cref="Until"/> in <paramref name="timeZoneId"/>, as RFC 5545 requires for zoned series.
    /// </summary>
    public string ToRRule(string? timeZoneId = null)
    {
        var parts = new List<string> { $"FREQ={Frequency.ToString().ToUpperInvariant()}" };
        if (Interval > 1)
        {
            parts.Add(FormattableString.Invariant($"INTERVAL={Interval}"));
        }

        switch (Frequency)
        {
            case RecurrenceFrequency.Weekly when Weekdays.Count > 0:
                parts.Add("BYDAY=" + string.Join(',', WeekOrder.Where(Weekdays.Contains).Select(RRuleText.DayCode)));
                break;
            case RecurrenceFrequency.Monthly when MonthlyPattern == MonthlyPattern.DayOfMonth && DayOfMonth is { } day:
                parts.Add(FormattableString.Invariant($"BYMONTHDAY={Math.Clamp(day, 1, 31)}"));
                break;
            case RecurrenceFrequency.Monthly when MonthlyPattern == MonthlyPattern.NthWeekday:
                parts.Add(FormattableString.Invariant($"BYDAY={(WeekOfMonth == -1 ? -1 : Math.Clamp(WeekOfMonth, 1, 4))}{RRuleText.DayCode(NthWeekday)}"));
                break;
        }

        if (End == RecurrenceEnd.OnDate && Until is { } until)
        {
            parts.Add("UNTIL=" + RRuleText.FormatUntil(until, timeZoneId));
        }
        else if (End == RecurrenceEnd.AfterCount)
        {
            parts.Add(FormattableString.Invariant($"COUNT={Math.Max(1, Count)}"));
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// Reads a rule of the shape this type writes; false for anything the form cannot show. Parts the rule
    /// leaves out (weekday, nth weekday) default to those of <paramref name="firstDate"/> when given.
    /// </summary>
    public static bool TryParse(string? rrule, string? timeZoneId, out RecurrenceChoice choice, DateOnly? firstDate = null)
    {
        choice = new RecurrenceChoice();
        if (!RRuleText.TrySplit(rrule, out var parts) || !parts.TryGetValue("FREQ", out var freq)
            || !Enum.TryParse<RecurrenceFrequency>(freq, ignoreCase: true, out var frequency) || !Enum.IsDefined(frequency))
        {
            return false;
        }

        var result = (firstDate is { } first ? StartingOn(first) with { DayOfMonth = null } : new RecurrenceChoice()) with { Frequency = frequency };
        foreach (var (key, value) in parts)
        {
            var ok = key switch
            {
                "FREQ" or "WKST" => true,
                "INTERVAL" => TryPositive(value, out var interval) && Set(ref result, result with { Interval = interval }),
                "COUNT" => TryPositive(value, out var count) && Set(ref result, result with { End = RecurrenceEnd.AfterCount, Count = count }),
                "UNTIL" => RRuleText.TryParseUntil(value, timeZoneId, out var until) && Set(ref result, result with { End = RecurrenceEnd.OnDate, Until = until }),
                "BYMONTHDAY" => frequency == RecurrenceFrequency.Monthly && TryPositive(value, out var day) && day <= 31
                    && Set(ref result, result with { MonthlyPattern = MonthlyPattern.DayOfMonth, DayOfMonth = day }),
                "BYDAY" => TryReadByDay(frequency, value, ref result),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        choice = result;
        return true;
    }

    private static bool TryReadByDay(RecurrenceFrequency frequency, string value, ref RecurrenceChoice result)
    {
        var days = value.Split(',').Select(RRuleText.ParseByDay).ToList();
        if (days.Any(d => d is null))
        {
            return false;
        }

        if (frequency == RecurrenceFrequency.Weekly && days.All(d => d!.Value.Ordinal == 0))
        {
            return Set(ref result, result with { Weekdays = days.Select(d => d!.Value.Day).Distinct().ToList() });
        }

        var (ordinal, day) = days[0]!.Value;
        if (frequency == RecurrenceFrequency.Monthly && days.Count == 1 && (ordinal == -1 || ordinal is >= 1 and <= 4))
        {
            return Set(ref result, result with { MonthlyPattern = MonthlyPattern.NthWeekday, WeekOfMonth = ordinal, NthWeekday = day });
        }

        return false;
    }

    private static bool TryPositive(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private static bool Set(ref RecurrenceChoice target, RecurrenceChoice value)
    {
        target = value;
        return true;
    }
}
