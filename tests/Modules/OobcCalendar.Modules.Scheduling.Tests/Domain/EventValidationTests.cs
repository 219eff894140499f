using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

public sealed class EventValidationTests
{
    [Fact]
    public void Create_WhenEndBeforeStart_RefusesWithEndMessage()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 10), Mnl(3, 1, 9))));

        error.Errors["End"].ShouldBe(["The end must be after the start."]);
    }

    [Fact]
    public void Create_WhenEndEqualsStart_RefusesWithEndMessage()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 10), Mnl(3, 1, 10))));

        error.Errors["End"].ShouldBe(["The end must be after the start."]);
    }

    [Fact]
    public void Create_WhenLongerThan31Days_RefusesWithEndMessage()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 9), Mnl(4, 1, 9, 1))));

        error.Errors["End"].ShouldBe(["An event can last at most 31 days."]);
        Event(Draft(Mnl(3, 1, 9), Mnl(4, 1, 9))).Duration.ShouldBe(TimeSpan.FromDays(31));
    }

    [Fact]
    public void Create_WhenZoneUnknown_NamesTheZone()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10), zone: "Mars/Olympus")));

        error.Errors["TimeZoneId"].ShouldBe(["Unknown time zone 'Mars/Olympus'."]);
    }

    [Fact]
    public void Create_WhenTitleBlank_AsksForATitle()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10)) with { Title = "   " }));

        error.Errors["Title"].ShouldBe(["Give the event a title."]);
    }

    [Theory]
    [InlineData("FREQ=MINUTELY")]
    [InlineData("FREQ=HOURLY")]
    [InlineData("FREQ=DAILY;BYHOUR=8,9,10,11,12,13,14,15")]
    public void Create_WhenRuleTooDense_SaysHowManyAndSuggestsAnEnd(string rule)
    {
        var error = Should.Throw<InputValidationException>(() => Series(Mnl(3, 1, 9), rule));

        error.Errors["Recurrence"].ShouldBe(["This rule makes more than 1000 occurrences in the period. Add an end date or a count."]);
    }

    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270101T000000Z")]
    public void Create_WhenRuleNeverMatches_SaysItProducesNothing(string rule)
    {
        var error = Should.Throw<InputValidationException>(() => Series(Mnl(3, 1, 9), rule));

        error.Errors["Recurrence"].ShouldBe(["This rule produces no occurrences. Check its days and end."]);
    }

    [Theory]
    [InlineData("BYDAY=MO")]
    [InlineData("FREQ=FORTNIGHTLY")]
    [InlineData("every monday")]
    public void Create_WhenRuleUnreadable_QuotesItWithAnExample(string rule)
    {
        var error = Should.Throw<InputValidationException>(() => Series(Mnl(3, 1, 9), rule));

        error.Errors["Recurrence"].Single().ShouldStartWith($"'{rule}' is not a valid recurrence rule (RFC 5545)");
    }

    [Fact]
    public void Create_WhenRuleHasPrefixAndSpaces_StoresTheBareRule()
    {
        var e = Series(Mnl(3, 1, 9), "  RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3 ");

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
        e.SeriesEndUtc.ShouldBe(Mnl(3, 15, 10));
    }

    [Fact]
    public void Create_WhenSeriesHasNoEnd_HasNoSeriesEnd()
    {
        Mondays().SeriesEndUtc.ShouldBeNull();
    }

    [Fact]
    public void Create_WhenAllDayWithClockTimes_SpansWholeLocalDays()
    {
        var e = Event(Draft(Mnl(3, 1, 10), Mnl(3, 1, 15), allDay: true));

        e.StartUtc.ShouldBe(Mnl(3, 1, 0));
        e.EndUtc.ShouldBe(Mnl(3, 2, 0));
    }

    [Fact]
    public void Create_WhenAllDayEndIsExclusiveMidnight_KeepsEveryDay()
    {
        var e = Event(Draft(Mnl(3, 1, 0), Mnl(3, 4, 0), allDay: true));

        e.StartUtc.ShouldBe(Mnl(3, 1, 0));
        e.EndUtc.ShouldBe(Mnl(3, 4, 0));
    }

    [Fact]
    public void Create_WhenAllDayGivenInAnotherOffset_UsesTheDayInTheEventZone()
    {
        // 23:00 on 28 Feb in UTC is already 1 March in Manila.
        var e = Event(Draft(new DateTimeOffset(2027, 2, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 28, 23, 0, 0, TimeSpan.Zero), allDay: true));

        e.StartUtc.ShouldBe(Mnl(3, 1, 0));
        e.EndUtc.ShouldBe(Mnl(3, 2, 0));
    }

    [Fact]
    public void Create_WhenAllDayOnSpringForwardDay_LastsTheShortLocalDay()
    {
        var e = Event(Draft(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.FromHours(-4)), zone: "America/New_York", allDay: true));

        e.StartUtc.ShouldBe(new DateTimeOffset(2027, 3, 14, 5, 0, 0, TimeSpan.Zero));
        e.EndUtc.ShouldBe(new DateTimeOffset(2027, 3, 15, 4, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Create_WhenRemindersOutOfRange_Refuses()
    {
        var error = Should.Throw<InputValidationException>(() => Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10)) with { ReminderMinutes = [-5] }));

        error.Errors.ShouldContainKey("ReminderMinutes");
    }

    [Fact]
    public void Create_WhenOrganizerIsAlsoListedAsParticipant_KeepsThemOnceAsOrganizer()
    {
        var guest = Guid.NewGuid();

        var e = Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10), participants: [Organizer, guest, guest]));

        e.Participants.Select(p => p.UserId).ShouldBe([guest]);
        e.MemberIds.ShouldBe([Organizer, guest]);
    }
}
