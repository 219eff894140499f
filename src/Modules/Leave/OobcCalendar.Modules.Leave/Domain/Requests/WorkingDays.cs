using OobcCalendar.Modules.Leave.Domain.Holidays;

namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>Counts what leave costs: working days only (weekends and the person's holidays are free), half days as 0.5.</summary>
internal static class WorkingDays
{
    public static decimal Count(LeavePeriod period, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        var total = 0m;
        for (var day = period.First; day <= period.Last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                total += Share(period, day);
            }
        }

        return total;
    }

    /// <summary>The working days of <paramref name="period"/> falling in each calendar year (a request across New Year spends two years' credits).</summary>
    public static IReadOnlyDictionary<int, decimal> ByYear(LeavePeriod period, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        var years = new SortedDictionary<int, decimal>();
        for (var year = period.First.Year; year <= period.Last.Year; year++)
        {
            var first = year == period.First.Year ? period.First : new DateOnly(year, 1, 1);
            var last = year == period.Last.Year ? period.Last : new DateOnly(year, 12, 31);
            var part = new LeavePeriod(first, last, first == period.First ? period.FirstPart : DayPart.Full, last == period.Last ? period.LastPart : DayPart.Full);
            years[year] = Count(part, calendar);
        }

        return years;
    }

    /// <summary>Working days strictly between <paramref name="after"/> and <paramref name="before"/> (the notice a request gives).</summary>
    public static int Between(DateOnly after, DateOnly before, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = after.AddDays(1); day < before; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static decimal Share(LeavePeriod period, DateOnly day) =>
        (day == period.First && period.FirstPart != DayPart.Full) || (day == period.Last && period.LastPart != DayPart.Full) ? 0.5m : 1m;
}
