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
}
