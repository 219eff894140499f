using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

/// <summary>The demo leave plan for every day it may start on around the year's end (the busiest stretch of holidays).</summary>
public sealed class LeaveDemoPlanTests
{
    public static TheoryData<DateOnly> Days()
    {
        var days = new TheoryData<DateOnly>();
        for (var d = new DateOnly(2026, 12, 1); d <= new DateOnly(2027, 1, 10); d = d.AddDays(1))
        {
            days.Add(d);
        }

        return days;
    }

    private static HolidayCalendar Calendar => new(
        [.. new[] { 2026, 2027 }.SelectMany(PhilippineHolidays.For).Select(h => Holiday.Create(Guid.NewGuid(), h.Date, h.Name, h.Kind))]);

    [Theory]
    [MemberData(nameof(Days))]
    public void Requests_WhenSeededOnAnyDay_FallOnWorkingDaysWithoutOverlapAndWithNotice(DateOnly today)
    {
        var calendar = Calendar;

        var plan = LeaveDemoPlan.Requests(today, calendar);

        plan.ShouldAllBe(r => calendar.IsWorkingDay(r.First) && calendar.IsWorkingDay(r.Last) && r.First <= r.Last);
        plan.ShouldAllBe(r => r.FiledOn <= today && r.FiledOn <= r.First);
        foreach (var person in plan.GroupBy(r => r.Person))
        {
            var mine = person.OrderBy(r => r.First).ToList();
            for (var i = 1; i < mine.Count; i++)
            {
                mine[i].First.ShouldBeGreaterThan(mine[i - 1].Last, $"{person.Key}'s demo requests overlap from {today}");
            }
        }

        plan.Count(r => r.Outcome == LeaveDemoOutcome.Approved && r.First <= today.AddDays(13) && r.Last >= today).ShouldBeGreaterThanOrEqualTo(3);
        plan.ShouldNotContain(r => r.Person == "staff3@oobc.gov.ph", "staff3 is the newcomer the browser tests start from");
        plan.Where(r => r.Outcome == LeaveDemoOutcome.Rejected).ShouldHaveSingleItem().DecisionReason.ShouldNotBeNullOrWhiteSpace();
    }
}
