using OobcCalendar.Shared.Time;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests.Time;

/// <summary>The one way dates, times and ranges read (ADR 0012); no database.</summary>
public sealed class TimeTextTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    private static DateTimeOffset Mnl(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Range_OnOneDay_GivesTheDateOnceAnd12HourTimes()
    {
        TimeText.Range(Mnl(2, 9), Mnl(2, 11, 30), Manila).ShouldBe("Wed 2 Dec 2026, 9:00 AM – 11:30 AM");
    }

    [Fact]
    public void Range_AcrossDays_GivesBothDates()
    {
        TimeText.Range(Mnl(2, 23), Mnl(3, 1), Manila).ShouldBe("Wed 2 Dec, 11:00 PM – Thu 3 Dec 2026, 1:00 AM");
    }

    [Fact]
    public void Range_EndingAtTheNextMidnight_ReadsMidnight()
    {
        TimeText.Range(Mnl(2, 22), Mnl(3, 0), Manila).ShouldBe("Wed 2 Dec 2026, 10:00 PM – midnight");
        TimeText.RangeOn(new DateOnly(2026, 12, 2), Mnl(2, 22), Mnl(3, 0), Manila).ShouldBe("10:00 PM – midnight");
    }

    [Fact]
    public void RangeOn_WithinTheDay_GivesJustTheTimes()
    {
        TimeText.RangeOn(new DateOnly(2026, 12, 2), Mnl(2, 9), Mnl(2, 10), Manila).ShouldBe("9:00 AM – 10:00 AM");
        TimeText.RangeOn(new DateOnly(2026, 12, 3), Mnl(2, 9), Mnl(2, 10), Manila).ShouldBe("Wed 2 Dec 2026, 9:00 AM – 10:00 AM");
    }

    [Fact]
    public void Period_OfWholeDays_ReadsAsDays()
    {
        TimeText.Period(Mnl(8, 0), Mnl(9, 0), Manila).ShouldBe("Tue 8 Dec 2026 (all day)");
        TimeText.Period(Mnl(8, 0), Mnl(11, 0), Manila).ShouldBe("Tue 8 Dec – Thu 10 Dec 2026 (all day)");
        TimeText.Period(Mnl(8, 13), Mnl(8, 15), Manila).ShouldBe("Tue 8 Dec 2026, 1:00 PM – 3:00 PM");
    }

    [Theory]
    [InlineData(0, "12:00 AM – 1:00 AM", "12 AM")]
    [InlineData(9, "9:00 AM – 10:00 AM", "9 AM")]
    [InlineData(23, "11:00 PM – 12:00 AM", "11 PM")]
    public void Hour_GivesTheHoursRangeAndLabel(int hour, string range, string label)
    {
        TimeText.Hour(hour).ShouldBe(range);
        TimeText.HourLabel(hour).ShouldBe(label);
    }

    [Fact]
    public void Time_OfNoonAndMidnight_Is12Hour()
    {
        TimeText.Time(new TimeOnly(12, 0)).ShouldBe("12:00 PM");
        TimeText.Time(new TimeOnly(0, 5)).ShouldBe("12:05 AM");
        TimeText.Hour(null).ShouldBe("—");
    }
}
