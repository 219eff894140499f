using Mediator;
using OobcCalendar.Modules.Notifications.Features.Preferences;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

[Collection(NotificationsCollection.Name)]
public sealed class PreferencesTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task SaveMyNotificationPreferences_WhenValid_ThenReadBackAndQuietHoursMayWrapMidnight()
    {
        var person = fixture.DemoUser("manager.programs@oobc.gov.ph");
        var wanted = new NotificationPreferencesDto(
            [15, 1440, 40320], ["booking.decided"], [], new TimeOnly(22, 0), new TimeOnly(6, 0), true, new TimeOnly(6, 30), true, "Asia/Tokyo");

        await fixture.SendAs<Unit>(person, new SaveMyNotificationPreferences(wanted));
        var saved = await fixture.SendAs<NotificationPreferencesDto>(person, new GetMyNotificationPreferences());

        saved.ShouldBe(wanted with { EffectiveTimeZoneId = "Asia/Tokyo" }, new PreferencesComparer());
    }

    [Fact]
    public async Task SaveMyNotificationPreferences_WhenACustomOffsetIsZero_ThenRefusedAndNothingChanges()
    {
        var person = fixture.StaffNo(5);
        var before = await fixture.SendAs<NotificationPreferencesDto>(person, new GetMyNotificationPreferences());

        var refused = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<Unit>(
            person, new SaveMyNotificationPreferences(before with { ReminderOffsets = [0], TimeZoneId = "Asia/Tokyo" })));

        refused.Errors.Values.SelectMany(e => e).ShouldContain(e => e.Contains("at least one minute"));
        (await fixture.SendAs<NotificationPreferencesDto>(person, new GetMyNotificationPreferences())).TimeZoneId.ShouldBe(before.TimeZoneId);
    }

    private sealed class PreferencesComparer : IEqualityComparer<NotificationPreferencesDto>
    {
        public bool Equals(NotificationPreferencesDto? x, NotificationPreferencesDto? y) =>
            x is not null && y is not null
            && x.ReminderOffsets.SequenceEqual(y.ReminderOffsets) && x.EmailOff.SequenceEqual(y.EmailOff) && x.InAppOff.SequenceEqual(y.InAppOff)
            && x with { ReminderOffsets = [], EmailOff = [], InAppOff = [] } == y with { ReminderOffsets = [], EmailOff = [], InAppOff = [] };

        public int GetHashCode(NotificationPreferencesDto obj) => 0;
    }
}
