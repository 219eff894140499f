using OobcCalendar.Modules.Resources.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Domain;

/// <summary>The demo fortnight's plan, for whatever weekday the demo starts on: it keeps out of the browser tests' way.</summary>
public sealed class DemoPlanTests
{
    public static TheoryData<DateOnly> Days() => [.. Enumerable.Range(0, 7).Select(d => new DateOnly(2026, 12, 7).AddDays(d))];

    [Theory]
    [MemberData(nameof(Days))]
    public void Bookings_WhenPlannedOnAnyDay_ThenWeekdaysOnlyWithinTheFortnightAndNothingForStaff3(DateOnly today)
    {
        var plan = ResourcesDemoPlan.Bookings(today);

        plan.ShouldAllBe(b => b.Day.DayOfWeek != DayOfWeek.Saturday && b.Day.DayOfWeek != DayOfWeek.Sunday);
        plan.ShouldAllBe(b => b.Day >= today.AddDays(-14) && b.Day <= today.AddDays(14) && b.Day != today);
        plan.ShouldNotContain(b => b.Requester == "staff3@oobc.gov.ph" || (b.Attendees ?? Array.Empty<string>()).Contains("staff3@oobc.gov.ph"));
        plan.ShouldContain(b => b.Requester == ResourcesDemoPlan.Staff1 && b.Day > today);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Bookings_WhenPlannedOnAnyDay_ThenTrainingHallAndHuddleRoomAreFreeFromSevenWeekdaysAhead(DateOnly today)
    {
        var seventh = today;
        for (var counted = 0; counted < 7;)
        {
            seventh = seventh.AddDays(1);
            counted += seventh.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        ResourcesDemoPlan.Bookings(today).ShouldNotContain(b => (b.Resource == "Training Hall" || b.Resource == "Huddle Room 1") && b.Day >= seventh);
    }
}
