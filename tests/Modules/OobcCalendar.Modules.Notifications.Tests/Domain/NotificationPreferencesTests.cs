using OobcCalendar.Modules.Notifications.Domain.Preferences;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Domain;

public sealed class NotificationPreferencesTests
{
    [Fact]
    public void Defaults_WhenAUserNeverSavedAny_ThenEverythingOnWithAFifteenMinuteReminderAndA7amDigest()
    {
        var defaults = NotificationPreferences.Defaults(Guid.NewGuid());

        defaults.ReminderOffsets.ShouldBe([15]);
        defaults.WantsEmail("booking.requested").ShouldBeTrue();
        defaults.WantsInApp("booking.requested").ShouldBeTrue();
        defaults.Quiet.ShouldBeNull();
        defaults.DailyDigest.ShouldBeTrue();
        defaults.DailyDigestAt.ShouldBe(new TimeOnly(7, 0));
        defaults.WeeklyDigest.ShouldBeFalse();
        defaults.Zone("Europe/Berlin").Id.ShouldBe("Europe/Berlin");
        defaults.Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, "at least one minute")]
    [InlineData(-5, "at least one minute")]
    [InlineData(40321, "at most 4 weeks")]
    public void Validate_WhenACustomOffsetIsZeroOrOverFourWeeks_ThenRefused(int offset, string message)
    {
        var preferences = NotificationPreferences.Defaults(Guid.NewGuid());
        preferences.ReminderOffsets = [15, offset];

        preferences.Validate().ShouldHaveSingleItem().ShouldContain(message);
    }

    [Fact]
    public void Validate_WhenOffsetsAreFourWeeksAndQuietHoursWrapMidnight_ThenAccepted()
    {
        var preferences = NotificationPreferences.Defaults(Guid.NewGuid());
        preferences.ReminderOffsets = [15, 30, 60, 120, 1440, 40320];
        preferences.QuietStart = new TimeOnly(22, 0);
        preferences.QuietEnd = new TimeOnly(6, 30);

        preferences.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenQuietHoursHalfSetOrEmptyOrTheZoneUnknown_ThenEachIsNamed()
    {
        var preferences = NotificationPreferences.Defaults(Guid.NewGuid());
        preferences.QuietStart = new TimeOnly(22, 0);
        preferences.TimeZoneId = "Mars/Olympus";
        preferences.ReminderOffsets = [15, 15];

        var errors = preferences.Validate();

        errors.Count.ShouldBe(3);
        errors.ShouldContain(e => e.Contains("both a start and an end"));
        errors.ShouldContain(e => e.Contains("Mars/Olympus"));
        errors.ShouldContain(e => e.Contains("once"));
    }
}
