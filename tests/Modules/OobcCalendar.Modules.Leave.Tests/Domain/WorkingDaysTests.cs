using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Domain.Make;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class WorkingDaysTests
{
    [Fact]
    public void Count_WhenMondayToFriday_IsFive() =>
        WorkingDays.Count(Days(D(2027, 3, 1), D(2027, 3, 5)), HolidayCalendar.WeekendsOnly).ShouldBe(5m);

    [Fact]
    public void Count_WhenTheRangeSpansAWeekend_SkipsSaturdayAndSunday() =>
        WorkingDays.Count(Days(D(2027, 3, 4), D(2027, 3, 9)), HolidayCalendar.WeekendsOnly).ShouldBe(4m);

    [Fact]
    public void Count_WhenHolyWeekIsInside_SkipsMaundyThursdayAndGoodFriday() =>
        WorkingDays.Count(Days(D(2027, 3, 22), D(2027, 3, 26)), Philippine(2027)).ShouldBe(3m);

    [Fact]
    public void Count_WhenAcrossAMonthEnd_CountsBothMonths() =>
        WorkingDays.Count(Days(D(2027, 4, 28), D(2027, 5, 4)), Philippine(2027)).ShouldBe(5m); // Wed 28 to Fri 30 Apr, Mon 3 and Tue 4 May (Labor Day is a Saturday)

    [Fact]
    public void Count_WhenAcrossNewYear_SkipsRizalDayTheLastDayAndNewYear()
    {
        var holidays = new HolidayCalendar(PhilippineHolidays.For(2026).Concat(PhilippineHolidays.For(2027))
            .Select(h => Holiday.Create(Guid.NewGuid(), h.Date, h.Name, h.Kind)));
        var period = Days(D(2026, 12, 28), D(2027, 1, 5));

        // Mon 28, Tue 29 Dec; (Wed 30 Rizal, Thu 31 last day, Fri 1 New Year); Mon 4, Tue 5 Jan.
        WorkingDays.Count(period, holidays).ShouldBe(4m);
        WorkingDays.ByYear(period, holidays).ShouldBe(new Dictionary<int, decimal> { [2026] = 2m, [2027] = 2m });
    }

    [Fact]
    public void Count_WhenFirstDayIsAnAfternoonAndLastAMorning_CountsTwoHalves() =>
        WorkingDays.Count(Days(D(2027, 3, 1), D(2027, 3, 3), DayPart.Afternoon, DayPart.Morning), HolidayCalendar.WeekendsOnly).ShouldBe(2m);

    [Fact]
    public void Count_WhenOneMorning_IsHalfADay() =>
        WorkingDays.Count(Days(D(2027, 3, 1), D(2027, 3, 1), DayPart.Morning), HolidayCalendar.WeekendsOnly).ShouldBe(0.5m);

    [Fact]
    public void Count_WhenTheHalfDayFallsOnAHoliday_CostsNothingForIt() =>
        WorkingDays.Count(Days(D(2027, 3, 25), D(2027, 3, 29), DayPart.Afternoon), Philippine(2027)).ShouldBe(1m); // only Mon 29

    [Fact]
    public void Count_WhenOnlyWeekendAndHolidays_IsZero() =>
        WorkingDays.Count(Days(D(2027, 3, 25), D(2027, 3, 28)), Philippine(2027)).ShouldBe(0m);

    [Theory]
    [InlineData(1, 0, "start in the afternoon")]
    [InlineData(0, 2, "end at noon")]
    public void Create_WhenSeveralDaysHaveAGapAtTheWrongEnd_RefusesWithAClearMessage(int first, int last, string expected) =>
        Should.Throw<BusinessRuleException>(() => LeavePeriod.Create(D(2027, 3, 1), D(2027, 3, 3), (DayPart)first, (DayPart)last)).Message.ShouldContain(expected);

    [Fact]
    public void Create_WhenTheLastDayIsBeforeTheFirst_Refuses() =>
        Should.Throw<BusinessRuleException>(() => LeavePeriod.Create(D(2027, 3, 3), D(2027, 3, 1), DayPart.Full, DayPart.Full)).Message.ShouldBe("The last day must be on or after the first day.");

    [Fact]
    public void Overlaps_WhenAMorningAndAnAfternoonOfOneDay_DoNotOverlap()
    {
        var morning = Days(D(2027, 3, 1), D(2027, 3, 1), DayPart.Morning);
        var afternoon = Days(D(2027, 3, 1), D(2027, 3, 1), DayPart.Afternoon);

        morning.Overlaps(afternoon).ShouldBeFalse();
        morning.Overlaps(Days(D(2027, 3, 1), D(2027, 3, 2))).ShouldBeTrue();
    }

    [Fact]
    public void HeldRange_WhenSeveralDaysWithHalves_RunsFromNoonToNoon()
    {
        var period = Days(D(2027, 3, 1), D(2027, 3, 3), DayPart.Afternoon, DayPart.Morning);

        period.HeldFrom.ShouldBe(new DateTime(2027, 3, 1, 12, 0, 0));
        period.HeldUntil.ShouldBe(new DateTime(2027, 3, 3, 12, 0, 0));
    }

    [Fact]
    public void Between_WhenAWeekendIsInside_CountsOnlyWorkingDaysStrictlyBetween() =>
        WorkingDays.Between(D(2027, 3, 1), D(2027, 3, 8), HolidayCalendar.WeekendsOnly).ShouldBe(4);
}
