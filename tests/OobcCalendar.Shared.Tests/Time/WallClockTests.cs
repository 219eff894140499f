using OobcCalendar.Shared.Time;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests.Time;

/// <summary>The one wall-clock rule (ADR 0012) at real transitions of 2027; no database.</summary>
public sealed class WallClockTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Spring forward: the skipped half past two moves forward by the gap (one hour) to half past three.
    [InlineData("America/New_York", 3, 14, 2, 30, 3, 14, 7, 30)]
    [InlineData("Europe/Berlin", 3, 28, 2, 30, 3, 28, 1, 30)]
    [InlineData("Australia/Sydney", 10, 3, 2, 30, 10, 2, 16, 30)]
    // Fall back: the repeated half past one (two in Berlin and Sydney) takes the earlier, still-summer instant.
    [InlineData("America/New_York", 11, 7, 1, 30, 11, 7, 5, 30)]
    [InlineData("Europe/Berlin", 10, 31, 2, 30, 10, 31, 0, 30)]
    [InlineData("Australia/Sydney", 4, 4, 2, 30, 4, 3, 15, 30)]
    // Manila has no daylight saving: the same hours are plain +08:00.
    [InlineData("Asia/Manila", 3, 14, 2, 30, 3, 13, 18, 30)]
    [InlineData("Asia/Manila", 11, 7, 1, 30, 11, 6, 17, 30)]
    public void ToInstant_AtATransition_FollowsRfc5545(string zone, int month, int day, int hour, int minute, int utcMonth, int utcDay, int utcHour, int utcMinute)
    {
        var instant = WallClock.ToInstant(new DateTime(2027, month, day, hour, minute, 0), Zone(zone));

        instant.ShouldBe(Utc(utcMonth, utcDay, utcHour, utcMinute));
    }

    [Fact]
    public void ToInstant_WhenTheGapIsHalfAnHour_MovesForwardByHalfAnHour()
    {
        // Lord Howe springs forward by half an hour (02:00 → 02:30 on 3 October 2027).
        WallClock.ToInstant(new DateTime(2027, 10, 3, 2, 15, 0), Zone("Australia/Lord_Howe"))
            .ShouldBe(new DateTimeOffset(2027, 10, 3, 2, 45, 0, TimeSpan.FromHours(11)));
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Manila")]
    public void ToLocal_OfToInstant_GivesBackEveryExistingTimeAcrossAYear(string id)
    {
        var zone = Zone(id);
        for (var local = new DateTime(2027, 1, 1, 0, 30, 0); local.Year == 2027; local = local.AddHours(5))
        {
            if (!zone.IsInvalidTime(local))
            {
                WallClock.ToLocal(WallClock.ToInstant(local, zone), zone).ShouldBe(local);
            }
        }
    }

    [Fact]
    public void AtMidnight_OnTheDayOfATransition_IsThatDaysMidnight()
    {
        WallClock.AtMidnight(new DateOnly(2027, 3, 14), Zone("America/New_York")).ShouldBe(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.FromHours(-5)));
        WallClock.AtMidnight(new DateOnly(2027, 10, 3), Zone("Australia/Sydney")).ShouldBe(new DateTimeOffset(2027, 10, 3, 0, 0, 0, TimeSpan.FromHours(10)));
    }

    [Fact]
    public void ToUtc_IsTheSameInstantWithOffsetZero()
    {
        var utc = WallClock.ToUtc(new DateOnly(2027, 12, 1), TimeSpan.FromHours(9), Zone("Asia/Manila"));

        utc.Offset.ShouldBe(TimeSpan.Zero);
        utc.ShouldBe(Utc(12, 1, 1));
    }

    [Fact]
    public void Today_IsTheDateOnTheZonesWallClock()
    {
        var clock = new FixedClock(Utc(12, 1, 17));

        WallClock.Today(clock, "Asia/Manila").ShouldBe(new DateOnly(2027, 12, 2));
        WallClock.Today(clock, "America/New_York").ShouldBe(new DateOnly(2027, 12, 1));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
