using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;

namespace OobcCalendar.Modules.Leave.Persistence;

/// <summary>What became of a demo request.</summary>
internal enum LeaveDemoOutcome
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// One demo request: person by e-mail, type by code, office working days, the day it was filed (the notice rules are
/// judged as of that day) and, when decided, why.
/// </summary>
internal sealed record LeaveDemoRequest(string Person, string Type, DateOnly First, DateOnly Last, DateOnly FiledOn, string Reason, LeaveDemoOutcome Outcome, string? DecisionReason = null);

/// <summary>
/// The demo leave around today (docs/adr/0020's fortnight): approved leave today, this week and next (Who's out and the
/// orange calendar), two or three pending requests for each demo manager's people (their Approvals page), one rejected
/// with a reason, one taken last week. Counted in office working days (the calendar given) so no request falls on a
/// holiday; no two requests of one person overlap. Left alone like the bookings' seed: staff3, the newcomer.
/// </summary>
internal static class LeaveDemoPlan
{
    public const string Staff1 = "staff1@oobc.gov.ph", Staff2 = "staff2@oobc.gov.ph", Staff4 = "staff4@oobc.gov.ph", Staff5 = "staff5@oobc.gov.ph",
        Ops = "manager.ops@oobc.gov.ph", Programs = "manager.programs@oobc.gov.ph";

    /// <summary>Opening credits per person (by e-mail order) for the types that carry them.</summary>
    public static IReadOnlyList<(string Type, decimal Days)> OpeningCredits(int index) =>
    [
        (CivilServiceLeaveTypes.Vacation, 8m + (index * 1.75m % 9)),
        (CivilServiceLeaveTypes.Sick, 6m + (index * 2.5m % 8)),
        (CivilServiceLeaveTypes.SpecialPrivilege, 3m),
    ];

    public static IReadOnlyList<LeaveDemoRequest> Requests(DateOnly today, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly Ahead(int n) => Step(today, n, 1, calendar);
        DateOnly Back(int n) => Step(today, n, -1, calendar);
        var workingToday = calendar.IsWorkingDay(today) ? today : Ahead(1);
        const string VL = CivilServiceLeaveTypes.Vacation, SL = CivilServiceLeaveTypes.Sick, SPL = CivilServiceLeaveTypes.SpecialPrivilege;
        const LeaveDemoOutcome Approved = LeaveDemoOutcome.Approved, Pending = LeaveDemoOutcome.Pending;

        // Filed three weeks before (past the five working days' notice), or yesterday for what still waits.
        DateOnly Early(DateOnly first) => first.AddDays(-21);
        var yesterday = today.AddDays(-1);
        return
        [
            new(Staff5, VL, Back(4), Back(3), Early(Back(4)), "Family reunion in Cotabato", Approved),
            new(Staff4, SL, workingToday, workingToday, today, "Fever", Approved),
            new(Staff2, VL, Ahead(1), Ahead(2), Early(Ahead(1)), "Graduation of my daughter", Approved),
            new(Staff1, VL, Ahead(3), Ahead(3), Early(Ahead(3)), "Moving house", Approved),
            new(Programs, VL, Ahead(5), Ahead(6), Early(Ahead(5)), "Out of town", Approved),

            new(Staff1, VL, Ahead(9), Ahead(10), yesterday, "Wedding of a cousin in Davao", Pending),
            new(Staff2, SPL, Ahead(8), Ahead(8), yesterday, "Enrolment of my son", Pending),
            new(Staff2, VL, Ahead(14), Ahead(15), yesterday, "Year-end trip home", Pending),
            new(Staff4, VL, Ahead(8), Ahead(9), yesterday, "Personal errands", Pending),
            new(Staff5, SPL, Ahead(11), Ahead(11), yesterday, "Civil registry appointment", Pending),
            new(Staff5, VL, Ahead(2), Ahead(2), Early(Ahead(2)).AddDays(7), "Rest day after the field visit", LeaveDemoOutcome.Rejected,
                "The community consultation needs you that day; please choose another day."),
        ];
    }

    /// <summary><paramref name="n"/> office working days from <paramref name="day"/> in <paramref name="direction"/> (+1 or -1).</summary>
    public static DateOnly Step(DateOnly day, int n, int direction, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var d = day;
        for (var left = n; left > 0;)
        {
            d = d.AddDays(direction);
            if (calendar.IsWorkingDay(d))
            {
                left--;
            }
        }

        return d;
    }
}
