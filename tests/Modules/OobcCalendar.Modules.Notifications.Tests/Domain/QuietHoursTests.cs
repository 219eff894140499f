using OobcCalendar.Modules.Notifications.Domain.Preferences;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Domain;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    [InlineData(12, 0, false)]
    public void Contains_WhenQuietHoursWrapMidnight_ThenTheNightIsQuiet(int hour, int minute, bool quiet) =>
        Night.Contains(new TimeOnly(hour, minute)).ShouldBe(quiet);

    [Fact]
    public void ReleaseAt_WhenBeforeMidnight_ThenTheNextMorningInTheUsersZone()
    {
        var lateEvening = new DateTimeOffset(2027, 3, 1, 23, 30, 0, TimeSpan.FromHours(8));

        Night.ReleaseAt(lateEvening, Manila).ShouldBe(new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void ReleaseAt_WhenAfterMidnight_ThenThisMorning()
    {
        var small = new DateTimeOffset(2027, 3, 2, 2, 15, 0, TimeSpan.FromHours(8));

        Night.ReleaseAt(small, Manila).ShouldBe(new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void ReleaseAt_WhenOutsideQuietHours_ThenNow()
    {
        var noon = new DateTimeOffset(2027, 3, 2, 12, 0, 0, TimeSpan.FromHours(8));

        Night.ReleaseAt(noon, Manila).ShouldBe(noon);
    }

    [Fact]
    public void ReleaseAt_WhenOneInstantIsNightInOneZoneAndDayInAnother_ThenEachZoneDecides()
    {
        // 03:00 UTC: 11:00 in Manila (send now), 22:00 the evening before in New York (wait until 07:00 there).
        var instant = new DateTimeOffset(2027, 3, 2, 3, 0, 0, TimeSpan.Zero);

        Night.ReleaseAt(instant, Manila).ShouldBe(instant);
        Night.ReleaseAt(instant, NewYork).ShouldBe(new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.FromHours(-5)));
    }

    [Fact]
    public void ReleaseAt_WhenTheEndFallsInTheSpringForwardGap_ThenJustAfterTheGap()
    {
        // New York skips 02:00–03:00 on 14 March 2027; quiet hours ending at 02:30 end at 03:00 EDT that night.
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));
        var evening = new DateTimeOffset(2027, 3, 13, 23, 0, 0, TimeSpan.FromHours(-5));

        quiet.ReleaseAt(evening, NewYork).ShouldBe(new DateTimeOffset(2027, 3, 14, 3, 0, 0, TimeSpan.FromHours(-4)));
    }
}
