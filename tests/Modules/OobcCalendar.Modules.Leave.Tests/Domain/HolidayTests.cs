using OobcCalendar.Modules.Leave.Domain.Holidays;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Domain.Make;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class HolidayTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void Easter_WhenComputed_MatchesThePublishedDate(int year, int month, int day) =>
        PhilippineHolidays.Easter(year).ShouldBe(D(year, month, day));

    [Fact]
    public void For_When2026_HasHolyWeekFromEasterAndHeroesDayOnTheLastMondayOfAugust()
    {
        var days = PhilippineHolidays.For(2026).ToDictionary(h => h.Name, h => h.Date);

        days["Maundy Thursday"].ShouldBe(D(2026, 4, 2));
        days["Good Friday"].ShouldBe(D(2026, 4, 3));
        days["Black Saturday"].ShouldBe(D(2026, 4, 4));
        days["National Heroes Day"].ShouldBe(D(2026, 8, 31));
        days["Rizal Day"].ShouldBe(D(2026, 12, 30));
    }

    [Fact]
    public void For_When2027_HeroesDayIsTheLastMondayEvenWhenAugustEndsOnTuesday()
    {
        // 31 Aug 2027 is a Tuesday: the last Monday is the 30th.
        PhilippineHolidays.For(2027).Single(h => h.Name == "National Heroes Day").Date.ShouldBe(D(2027, 8, 30));
    }

    [Fact]
    public void For_WhenAYearIsInTheProclamationTable_SeedsEidAsToBeConfirmed()
    {
        var eid = PhilippineHolidays.For(2027).Single(h => h.Name == "Eid'l Fitr");

        eid.ToBeConfirmed.ShouldBeTrue();
        PhilippineHolidays.For(2027).Where(h => h.Name == "Christmas Day").ShouldAllBe(h => !h.ToBeConfirmed);
    }

    [Fact]
    public void For_WhenAYearIsOutsideTheTable_SeedsOnlyFixedAndComputedDays()
    {
        var days = PhilippineHolidays.For(2040);

        days.ShouldNotContain(h => h.Name == "Eid'l Fitr");
        days.Count.ShouldBe(16);
    }

    [Fact]
    public void IsWorkingDay_WhenAUnitHolidayBelongsToAnotherUnit_OnlyThatUnitHasTheDayOff()
    {
        var north = Guid.NewGuid();
        var day = D(2027, 3, 3);
        var holidays = new[] { Holiday.Create(Guid.NewGuid(), day, "Founding day", HolidayKind.SpecialNonWorking, north) };

        new HolidayCalendar(holidays, north).IsWorkingDay(day).ShouldBeFalse();
        new HolidayCalendar(holidays, Guid.NewGuid()).IsWorkingDay(day).ShouldBeTrue();
        new HolidayCalendar(holidays).IsWorkingDay(day).ShouldBeTrue();
    }

    [Fact]
    public void IsWorkingDay_WhenWeekend_IsFalse()
    {
        HolidayCalendar.WeekendsOnly.IsWorkingDay(D(2027, 3, 6)).ShouldBeFalse();
        HolidayCalendar.WeekendsOnly.IsWorkingDay(D(2027, 3, 7)).ShouldBeFalse();
        HolidayCalendar.WeekendsOnly.IsWorkingDay(D(2027, 3, 8)).ShouldBeTrue();
    }
}
