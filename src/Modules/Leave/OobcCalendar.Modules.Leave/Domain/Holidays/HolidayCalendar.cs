namespace OobcCalendar.Modules.Leave.Domain.Holidays;

/// <summary>
/// Which days are working days for one person: Monday to Friday, minus the holidays of the whole office and of
/// their organisation unit. Build one per request (or per unit) from the holidays in the window.
/// </summary>
internal sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> daysOff;

    public HolidayCalendar(IEnumerable<Holiday> holidays, Guid? unitId = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        daysOff = holidays.Where(h => h.AppliesTo(unitId))
            .GroupBy(h => h.Date)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.UnitId is null ? 0 : 1).First());
    }

    /// <summary>A calendar with weekends only (no holidays).</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && !daysOff.ContainsKey(day);

    /// <summary>The holiday on <paramref name="day"/> for this person, or null.</summary>
    public Holiday? HolidayOn(DateOnly day) => daysOff.GetValueOrDefault(day);

    /// <summary>The first working day strictly after <paramref name="day"/> plus <paramref name="workingDays"/> more (the n-th working day after it).</summary>
    public DateOnly WorkingDaysAfter(DateOnly day, int workingDays)
    {
        var d = day;
        for (var found = 0; found < workingDays;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                found++;
            }
        }

        return d;
    }
}
