namespace OobcCalendar.Modules.Leave.Domain.Holidays;

/// <summary>One day of the seed.</summary>
internal sealed record SeedHoliday(DateOnly Date, string Name, HolidayKind Kind, bool ToBeConfirmed);

/// <summary>
/// Philippine national holidays for a year, for seeding. Three sorts:
/// <list type="bullet">
/// <item>fixed by law (RA 9492, RA 9849...): New Year, Araw ng Kagitingan, Labor Day, Independence Day, Bonifacio Day,
/// Christmas, Rizal Day; Ninoy Aquino Day, All Saints' Day, Feast of the Immaculate Conception, Christmas Eve and the
/// last day of the year as special non-working days;</item>
/// <item>movable and computed: Maundy Thursday, Good Friday and Black Saturday from Western Easter (Anonymous
/// Gregorian algorithm), National Heroes Day on the last Monday of August;</item>
/// <item>proclaimed every year by the President, seeded here at their best-known dates and marked
/// <see cref="SeedHoliday.ToBeConfirmed"/>: Eid'l Fitr and Eid'l Adha (Islamic calendar, fixed by the NCMF from the
/// moon sighting), Chinese New Year, All Souls' Day and any extra special days. Years outside the table get the
/// fixed and computed days only; Admin adds the rest when proclaimed.</item>
/// </list>
/// </summary>
internal static class PhilippineHolidays
{
    // Best-known dates (astronomical estimates; the proclamation may move a day).
    private static readonly Dictionary<int, (DateOnly EidFitr, DateOnly EidAdha, DateOnly ChineseNewYear)> Proclaimed = new()
    {
        [2025] = (new(2025, 4, 1), new(2025, 6, 6), new(2025, 1, 29)),
        [2026] = (new(2026, 3, 20), new(2026, 5, 27), new(2026, 2, 17)),
        [2027] = (new(2027, 3, 10), new(2027, 5, 17), new(2027, 2, 6)),
        [2028] = (new(2028, 2, 27), new(2028, 5, 5), new(2028, 1, 26)),
    };

    public static IReadOnlyList<SeedHoliday> For(int year)
    {
        var easter = Easter(year);
        var days = new List<SeedHoliday>
        {
            Regular(new(year, 1, 1), "New Year's Day"),
            Regular(easter.AddDays(-3), "Maundy Thursday"),
            Regular(easter.AddDays(-2), "Good Friday"),
            Special(easter.AddDays(-1), "Black Saturday"),
            Regular(new(year, 4, 9), "Araw ng Kagitingan"),
            Regular(new(year, 5, 1), "Labor Day"),
            Regular(new(year, 6, 12), "Independence Day"),
            Special(new(year, 8, 21), "Ninoy Aquino Day"),
            Regular(LastMonday(year, 8), "National Heroes Day"),
            Special(new(year, 11, 1), "All Saints' Day"),
            Regular(new(year, 11, 30), "Bonifacio Day"),
            Special(new(year, 12, 8), "Feast of the Immaculate Conception"),
            Special(new(year, 12, 24), "Christmas Eve"),
            Regular(new(year, 12, 25), "Christmas Day"),
            Regular(new(year, 12, 30), "Rizal Day"),
            Special(new(year, 12, 31), "Last Day of the Year"),
        };
        if (Proclaimed.TryGetValue(year, out var p))
        {
            days.Add(new(p.EidFitr, "Eid'l Fitr", HolidayKind.Regular, true));
            days.Add(new(p.EidAdha, "Eid'l Adha", HolidayKind.Regular, true));
            days.Add(new(p.ChineseNewYear, "Chinese New Year", HolidayKind.SpecialNonWorking, true));
            days.Add(new(new(year, 11, 2), "All Souls' Day", HolidayKind.SpecialNonWorking, true));
        }

        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>Western (Gregorian) Easter Sunday: the Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    private static SeedHoliday Regular(DateOnly date, string name) => new(date, name, HolidayKind.Regular, false);

    private static SeedHoliday Special(DateOnly date, string name) => new(date, name, HolidayKind.SpecialNonWorking, false);
}
