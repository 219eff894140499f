using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

/// <summary>The feeds' wall-clock time convention (ADR 0005), no database.</summary>
public sealed class CalendarFeedTimeTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-12-01T00:00:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T00:00:00Z", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T00:00:00+08:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T00:00:00.000-05:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01", "2026-11-30T16:00:00Z")]
    public void A_sent_time_is_wall_clock_in_the_users_zone_whatever_offset_it_carries(string start, string expectedUtc)
    {
        var (from, _) = CalendarFeedTime.ParseWindow(start, "2027-01-01", Manila);

        from.ShouldBe(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_moves_past_the_gap()
    {
        CalendarFeedTime.TryParse("2027-03-14T02:30:00", NewYork, out var instant).ShouldBeTrue();

        instant.UtcDateTime.ShouldBe(new DateTime(2027, 3, 14, 7, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Format_gives_the_users_wall_clock_without_offset()
    {
        CalendarFeedTime.Format(new DateTimeOffset(2026, 12, 9, 2, 0, 0, TimeSpan.Zero), Manila).ShouldBe("2026-12-09T10:00:00");
        CalendarFeedTime.FormatDate(new DateTimeOffset(2026, 12, 9, 20, 0, 0, TimeSpan.Zero), Manila).ShouldBe("2026-12-10");
    }

    [Theory]
    [InlineData(null, "2026-12-08", "start", "start is required")]
    [InlineData("2026-12-01", "", "end", "end is required")]
    [InlineData("12/01/2026", "2026-12-08", "start", "is not an ISO 8601 date or time")]
    [InlineData("2026-13-01", "2026-12-08", "start", "is not an ISO 8601 date or time")]
    [InlineData("2026-12-08", "2026-12-01", "end", "end must be after start")]
    [InlineData("2026-12-01", "2026-12-01", "end", "end must be after start")]
    [InlineData("2026-01-01", "2026-04-12", "end", "at most 100 days")]
    public void A_bad_window_says_which_value_is_wrong_and_why(string? start, string? end, string field, string message)
    {
        var error = Should.Throw<InputValidationException>(() => CalendarFeedTime.ParseWindow(start, end, Manila));

        error.Errors.ShouldContainKey(field);
        error.Errors[field].ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
    }
}
