using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Endpoints;

/// <summary>Reading the calendar feed's start and end (no database).</summary>
public sealed class FeedWindowTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    [Theory]
    [InlineData("2026-12-01T00:00:00+08:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T00:00:00 08:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T00:00:00", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01", "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01T09:30:00.000-05:00", "2026-12-01T14:30:00Z")]
    public void Parse_WhenIsoValue_ReadsTheInstant(string start, string expectedUtc)
    {
        var (from, _) = FeedWindow.Parse(start, "2027-01-01T00:00:00Z", Manila);

        from.ShouldBe(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, "2026-12-08", "start", "start is required")]
    [InlineData("2026-12-01", "", "end", "end is required")]
    [InlineData("12/01/2026", "2026-12-08", "start", "is not an ISO 8601 date or time")]
    [InlineData("2026-13-01", "2026-12-08", "start", "is not an ISO 8601 date or time")]
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
