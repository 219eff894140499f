namespace OobcCalendar.Modules.Leave.Domain.Ledger;

/// <summary>
/// Credits earned by service. A person whose leave start date is unknown (null) counts as in service all year;
/// Admin sets the date of someone who joins mid-year, and their first month and their yearly grants are prorated.
/// </summary>
internal static class Accrual
{
    /// <summary>
    /// The monthly credit for <paramref name="year"/>/<paramref name="month"/>: the full amount for a month in service,
    /// nothing before the start, and for the starting month the share of its calendar days from the start date on
    /// (CSC computes the first month by days of service), rounded to 3 decimals as the CSC tables are.
    /// </summary>
    public static decimal ForMonth(decimal monthlyDays, int year, int month, DateOnly? startedOn)
    {
        var first = new DateOnly(year, month, 1);
        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (startedOn is not { } start || start <= first)
        {
            return monthlyDays;
        }

        if (start > first.AddDays(daysInMonth - 1))
        {
            return 0m;
        }

        var served = daysInMonth - start.Day + 1;
        return Math.Round(monthlyDays * served / daysInMonth, 3, MidpointRounding.ToZero);
    }

    /// <summary>
    /// A yearly grant for <paramref name="year"/>: the full grant for someone in service from January, nothing for a
    /// year before the start, and for the starting year the share of the months left (the starting month counts
    /// when the start is on or before the 15th), rounded down to half days so nobody is granted days not earned.
    /// </summary>
    public static decimal YearlyGrant(decimal grantDays, int year, DateOnly? startedOn)
    {
        if (startedOn is not { } start || start <= new DateOnly(year, 1, 1))
        {
            return grantDays;
        }

        if (start.Year > year)
        {
            return 0m;
        }

        var months = 12 - (start.Month - 1) - (start.Day > 15 ? 1 : 0);
        var share = grantDays * months / 12m;
        return Math.Floor(share * 2) / 2;
    }
}
