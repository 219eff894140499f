using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Endpoints;

/// <summary>Reading the calendar feed's start and end (no database).</summary>
public sealed class FeedWindowTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    // Feeds speak wall-clock times of the user's zone; an offset or "Z" FullCalendar adds is ignored (docs/adr/0005).
    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-01T00:00:00")]
    [InlineData("2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T00:00:00+08:00")]
    [InlineData("2026-12-01T00:00:00.000-05:00")]
    public void Parse_WhenIsoValue_ReadsItAsWallClockInTheUsersZone(string start)
    {
        var (from, _) = FeedWindow.Parse(start, "2027-01-01T00:00:00", Manila);

        from.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData(null, "2026-12-08", "start", "start is required")]
    [InlineData("2026-12-01", "", "end", "end is required")]
    [InlineData("12/01/2026", "2026-12-08", "start", "is not an ISO 8601 date or date-time")]
    [InlineData("2026-13-01", "2026-12-08", "start", "is not an ISO 8601 date or date-time")]
    [InlineData("yesterday", "2026-12-08", "start", "is not an ISO 8601 date or date-time")]
    [InlineData("2026-12-08", "2026-12-01", "end", "end must be after start")]
    [InlineData("2026-12-01", "2026-12-01", "end", "end must be after start")]
    [InlineData("2026-01-01", "2026-04-12", "end", "at most 100 days")]
    public void Parse_WhenValueIsBad_SaysWhichAndWhy(string? start, string? end, string field, string message)
    {
        var error = Should.Throw<InputValidationException>(() => FeedWindow.Parse(start, end, Manila));

        error.Errors.ShouldContainKey(field);
        error.Errors[field].ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenExactly100Days_IsAccepted()
    {
        var (from, to) = FeedWindow.Parse("2026-01-01", "2026-04-11", Manila);

        (to - from).ShouldBe(TimeSpan.FromDays(100));
    }
}
