using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>Editing the whole series from one of its occurrences (the anchor the user saw).</summary>
public sealed class ChangeSeriesTests
{
    [Fact]
    public void ChangeSeries_WhenAnOccurrenceMovesLaterTheSameDay_MovesEveryOccurrence()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=4");

        e.ChangeSeries(Moved(e, Mnl(3, 15, 10, 30), Mnl(3, 15, 12)), Mnl(3, 15, 9), Now);

        Spring(e).ShouldBe([Mnl(3, 1, 10, 30), Mnl(3, 8, 10, 30), Mnl(3, 15, 10, 30), Mnl(3, 22, 10, 30)]);
        e.Duration.ShouldBe(TimeSpan.FromMinutes(90));
        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        e.SeriesEndUtc.ShouldBe(Mnl(3, 22, 12));
    }

    [Fact]
    public void ChangeSeries_WhenAnOccurrenceMovesToAnotherDay_ShiftsEveryWeekday()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4");

        e.ChangeSeries(Moved(e, Mnl(3, 4, 9), Mnl(3, 4, 10)), Mnl(3, 3, 9), Now);

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4");
        Spring(e).ShouldBe([Mnl(3, 2, 9), Mnl(3, 4, 9), Mnl(3, 9, 9), Mnl(3, 11, 9)]);
    }

    [Fact]
    public void ChangeSeries_WhenMovedBackAcrossTheWeekStart_WrapsWeekdays()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=3");

        e.ChangeSeries(Moved(e, Mnl(3, 7, 9), Mnl(3, 7, 10)), Mnl(3, 8, 9), Now);

        // Every occurrence moves a day back, the first one into February.
        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=SU;COUNT=3");
        Starts(e, Mnl(2, 1, 0), Mnl(5, 1, 0)).ShouldBe([Mnl(2, 28, 9), Mnl(3, 7, 9), Mnl(3, 14, 9)]);
    }

    [Fact]
    public void ChangeSeries_WhenUntilIsEndOfDayAndTimeMovesLater_KeepsTheLastOccurrence()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270322T155959Z");

        e.ChangeSeries(Moved(e, Mnl(3, 8, 17), Mnl(3, 8, 18)), Mnl(3, 8, 9), Now);

        Spring(e).ShouldBe([Mnl(3, 1, 17), Mnl(3, 8, 17), Mnl(3, 15, 17), Mnl(3, 22, 17)]);
    }

    [Fact]
    public void ChangeSeries_WhenUntilIsTheLastOccurrenceAndTheSeriesMovesADayLater_KeepsEveryOccurrence()
    {
        // UNTIL is exactly the last Monday's 09:00 (01:00 UTC): without moving it, Tuesday the 23rd would fall off.
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270322T010000Z");

        e.ChangeSeries(Moved(e, Mnl(3, 9, 9), Mnl(3, 9, 10)), Mnl(3, 8, 9), Now);

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270323T010000Z");
        Spring(e).ShouldBe([Mnl(3, 2, 9), Mnl(3, 9, 9), Mnl(3, 16, 9), Mnl(3, 23, 9)]);
    }

    [Fact]
    public void ChangeSeries_WhenTimesShift_MovesOverridesAndDeletedDatesAlong()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 9, 14), Mnl(3, 9, 15)) with { Title = "Moved to Tuesday" }, Now);
        e.ExcludeOccurrence(Mnl(3, 15, 9), Organizer, Now);

        e.ChangeSeries(Moved(e, Mnl(3, 22, 10), Mnl(3, 22, 11)), Mnl(3, 22, 9), Now);

        var kept = e.Overrides.ShouldHaveSingleItem();
        (kept.RecurrenceId, kept.StartUtc, kept.Title).ShouldBe((Mnl(3, 8, 10), Mnl(3, 9, 14), "Moved to Tuesday"));
        e.ExceptionDates.ShouldBe([Mnl(3, 15, 10)]);
        Spring(e).ShouldBe([Mnl(3, 1, 10), Mnl(3, 9, 14), Mnl(3, 22, 10)]);
    }

    [Fact]
    public void ChangeSeries_WhenAnOverrideChangedOnlyDetails_ItFollowsTheNewTimes()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 9), Mnl(3, 8, 10)) with { Title = "Guest speaker" }, Now);
        e.OverrideOccurrence(Mnl(3, 15, 9), Moved(e, Mnl(3, 15, 9), Mnl(3, 15, 10)) with { Title = "Review" }, Now);

        e.ChangeSeries(Moved(e, Mnl(3, 8, 9), Mnl(3, 8, 11)), Mnl(3, 8, 9), Now);

        e.Occurrences(Mnl(3, 1, 0), Mnl(4, 1, 0)).Select(o => (o.StartUtc, o.EndUtc, o.Override?.Title)).ShouldBe(
            [(Mnl(3, 1, 9), Mnl(3, 1, 11), null), (Mnl(3, 8, 9), Mnl(3, 8, 11), "Guest speaker"), (Mnl(3, 15, 9), Mnl(3, 15, 11), "Review")]);
    }

    [Fact]
    public void ChangeSeries_WhenTheRuleChanges_DropsOverridesAndDeletedDatesThatNoLongerFit()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=6");
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 11), Mnl(3, 8, 12)), Now);
        e.OverrideOccurrence(Mnl(3, 15, 9), Moved(e, Mnl(3, 15, 11), Mnl(3, 15, 12)), Now);
        e.ExcludeOccurrence(Mnl(3, 22, 9), Organizer, Now);
        e.ExcludeOccurrence(Mnl(3, 29, 9), Organizer, Now);

        e.ChangeSeries(Moved(e, Mnl(3, 1, 9), Mnl(3, 1, 10)) with { RecurrenceRule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3" }, Mnl(3, 1, 9), Now);

        e.Overrides.Select(o => o.RecurrenceId).ShouldBe([Mnl(3, 15, 9)]);
        e.ExceptionDates.ShouldBe([Mnl(3, 29, 9)]);
        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 15, 11)]);
    }

    [Fact]
    public void ChangeSeries_WhenTheZoneChanges_KeepsTheWallClockTimeInTheNewZone()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        var tokyo = TimeSpan.FromHours(9);

        e.ChangeSeries(Moved(e, new DateTimeOffset(2027, 3, 8, 9, 0, 0, tokyo), new DateTimeOffset(2027, 3, 8, 10, 0, 0, tokyo)) with { TimeZoneId = "Asia/Tokyo" }, Mnl(3, 8, 9), Now);

        e.TimeZoneId.ShouldBe("Asia/Tokyo");
        Spring(e).ShouldBe([new DateTimeOffset(2027, 3, 1, 9, 0, 0, tokyo), new DateTimeOffset(2027, 3, 8, 9, 0, 0, tokyo)]);
    }

    [Fact]
    public void ChangeSeries_WhenTheRuleIsRemoved_BecomesOneEventAtTheGivenTimes()
    {
        var e = Mondays();
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 11), Mnl(3, 8, 12)), Now);
        e.ExcludeOccurrence(Mnl(3, 15, 9), Organizer, Now);

        e.ChangeSeries(Moved(e, Mnl(3, 8, 13), Mnl(3, 8, 14)) with { RecurrenceRule = null }, Mnl(3, 8, 9), Now);

        e.IsRecurring.ShouldBeFalse();
        e.Overrides.ShouldBeEmpty();
        e.ExceptionDates.ShouldBeEmpty();
        Spring(e).ShouldBe([Mnl(3, 8, 13)]);
        e.SeriesEndUtc.ShouldBe(Mnl(3, 8, 14));
    }

    [Fact]
    public void ChangeSeries_WhenASingleEventGetsARule_BecomesASeries()
    {
        var e = Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10)));

        e.ChangeSeries(Moved(e, Mnl(3, 1, 9), Mnl(3, 1, 10)) with { RecurrenceRule = "FREQ=DAILY;COUNT=3" }, Mnl(3, 1, 9), Now);

        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 2, 9), Mnl(3, 3, 9)]);
    }

    [Fact]
    public void ChangeSeries_WhenTheNewRuleIsAbsurd_RefusesAndChangesNothing()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=2");

        Should.Throw<OobcCalendar.Shared.Errors.InputValidationException>(() =>
            e.ChangeSeries(Moved(e, Mnl(3, 8, 10), Mnl(3, 8, 11)) with { RecurrenceRule = "FREQ=MINUTELY" }, Mnl(3, 8, 9), Now));

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 8, 9)]);
    }
}
