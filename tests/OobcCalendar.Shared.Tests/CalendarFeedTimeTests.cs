using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests;

/// <summary>Reading the calendar page's times (no database).</summary>
public sealed class CalendarFeedTimeTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026")]
    [InlineData("")]
    [InlineData("2026-13-01")]
    public void TryParse_WhenTextIsNoDate_SaysNoInsteadOfThrowing(string text)
    {
        CalendarFeedTime.TryParse(text, Manila, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-01T00:00:00")]
    [InlineData("2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T00:00:00+08:00")]
    [InlineData("2026-12-01T00:00:00-05:00")]
    public void TryParse_WhenWallClockWithOrWithoutOffset_ReadsItInTheUsersZone(string text)
    {
        CalendarFeedTime.TryParse(text, Manila, out var instant).ShouldBeTrue();

        instant.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void ParseWindow_WhenStartIsNoDate_Is400NotACrash()
    {
        Should.Throw<InputValidationException>(() => CalendarFeedTime.ParseWindow("yesterday", "2026-12-08", Manila));
    }

    [Theory]
    [InlineData("0001-01-01", "0001-02-01", "start")]
    [InlineData("5000-01-01", "5000-04-01", "start")]
    [InlineData("1899-12-31", "1900-01-10", "start")]
    [InlineData("2200-12-01", "2201-01-02", "end")]
    public void ParseWindow_WhenADateIsOutsideTheLimits_Is400NamingThem(string start, string end, string field)
    {
        var error = Should.Throw<InputValidationException>(() => CalendarFeedTime.ParseWindow(start, end, Manila));

        error.Errors[field].ShouldBe([$"{field} must be a date from 1900-01-01 to 2200-12-31."]);
    }

    [Fact]
    public void ParseWindow_AtTheEdgesOfTheLimits_IsAccepted()
    {
        CalendarFeedTime.ParseWindow("1900-01-01", "1900-02-01", Manila).Start.ShouldBe(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        CalendarFeedTime.ParseWindow("2200-12-01", "2201-01-01", Manila).End.ShouldBe(new DateTimeOffset(2201, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
    }
}
