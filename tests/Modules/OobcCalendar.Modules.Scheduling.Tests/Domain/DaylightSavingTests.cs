using OobcCalendar.Modules.Scheduling.Domain.Events;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>
/// Series expand in their own zone: 09:00 stays 09:00 across daylight-saving changes. In 2027 New York springs forward
/// on 14 March and falls back on 7 November; London on 28 March and 31 October.
/// </summary>
public sealed class DaylightSavingTests
{
    private const string NewYork = "America/New_York";
    private const string London = "Europe/London";
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    private static DateTimeOffset At(int month, int day, int hour, TimeSpan offset, int minute = 0) => new(2027, month, day, hour, minute, 0, offset);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Occurrences_WhenNewYorkSpringsForwardAndFallsBack_StayAtNineLocal()
    {
        var e = Series(At(3, 1, 9, Est), "FREQ=WEEKLY;BYDAY=MO", NewYork);

        Starts(e, Utc(3, 1, 0), Utc(3, 23, 0)).ShouldBe([Utc(3, 1, 14), Utc(3, 8, 14), Utc(3, 15, 13), Utc(3, 22, 13)]);
        Starts(e, Utc(11, 1, 0), Utc(11, 9, 0)).ShouldBe([Utc(11, 1, 13), Utc(11, 8, 14)]);
    }

    [Fact]
    public void Occurrences_WhenLondonSpringsForwardAndFallsBack_StayAtNineLocal()
    {
        var e = Series(new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero), "FREQ=WEEKLY;BYDAY=MO", London);

        Starts(e, Utc(3, 22, 0), Utc(4, 6, 0)).ShouldBe([Utc(3, 22, 9), Utc(3, 29, 8), Utc(4, 5, 8)]);
        Starts(e, Utc(10, 25, 0), Utc(11, 2, 0)).ShouldBe([Utc(10, 25, 8), Utc(11, 1, 9)]);
        e.Occurrences(Utc(3, 29, 0), Utc(3, 30, 0)).Single().EndUtc.ShouldBe(At(3, 29, 10, Bst));
    }

    [Fact]
    public void Occurrences_WhenTheLocalTimeIsSkipped_TakeTheOffsetBeforeTheGap()
    {
        // 02:30 does not exist in New York on 14 March: RFC 5545 reads it with the offset before the gap (03:30 EDT).
        var e = Series(At(3, 13, 2, Est, 30), "FREQ=DAILY;COUNT=3", NewYork);

        Starts(e, Utc(3, 13, 0), Utc(3, 16, 0)).ShouldBe([Utc(3, 13, 7, 30), Utc(3, 14, 7, 30), Utc(3, 15, 6, 30)]);
        e.OccurrenceAt(Utc(3, 14, 7, 30)).EndUtc.ShouldBe(Utc(3, 14, 8, 30));
    }

    [Fact]
    public void ExcludeOccurrence_WhenTheOccurrenceFellInTheGap_RemovesIt()
    {
        var e = Series(At(3, 13, 2, Est, 30), "FREQ=DAILY;COUNT=3", NewYork);

        e.ExcludeOccurrence(Utc(3, 14, 7, 30), Organizer, Now);

        Starts(e, Utc(3, 13, 0), Utc(3, 16, 0)).ShouldBe([Utc(3, 13, 7, 30), Utc(3, 15, 6, 30)]);
    }

    [Fact]
    public void Occurrences_WhenTheLocalTimeIsAmbiguous_HappenOnceAtTheEarlierInstant()
    {
        // 01:30 happens twice in New York on 7 November (EDT, then EST): the series meets once, at the first.
        var e = Series(At(11, 6, 1, Edt, 30), "FREQ=DAILY;COUNT=3", NewYork);

        Starts(e, Utc(11, 6, 0), Utc(11, 9, 0)).ShouldBe([Utc(11, 6, 5, 30), Utc(11, 7, 5, 30), Utc(11, 8, 6, 30)]);
        e.ExcludeOccurrence(Utc(11, 7, 5, 30), Organizer, Now);
        Starts(e, Utc(11, 6, 0), Utc(11, 9, 0)).ShouldBe([Utc(11, 6, 5, 30), Utc(11, 8, 6, 30)]);
    }

    [Fact]
    public void ChangeSeries_WhenAnchoredAfterSpringForward_ShiftsTheWallClockOnBothSides()
    {
        var e = Series(At(3, 1, 9, Est), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", NewYork);

        e.ChangeSeries(Moved(e, At(3, 15, 10, Edt), At(3, 15, 11, Edt)), At(3, 15, 9, Edt), Now);

        Starts(e, Utc(3, 1, 0), Utc(3, 23, 0)).ShouldBe([At(3, 1, 10, Est), At(3, 8, 10, Est), At(3, 15, 10, Edt), At(3, 22, 10, Edt)]);
    }

    [Fact]
    public void ChangeSeries_WhenOverridesAreOnTheOtherSideOfTheChange_KeepsThem()
    {
        var e = Series(At(3, 1, 9, Est), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", NewYork);
        e.OverrideOccurrence(At(3, 22, 9, Edt), Moved(e, At(3, 23, 9, Edt), At(3, 23, 10, Edt)), Now);
        e.ExcludeOccurrence(At(3, 15, 9, Edt), Organizer, Now);

        e.ChangeSeries(Moved(e, At(3, 8, 8, Est), At(3, 8, 9, Est)), At(3, 8, 9, Est), Now);

        e.Overrides.ShouldHaveSingleItem().RecurrenceId.ShouldBe(At(3, 22, 8, Edt));
        e.ExceptionDates.ShouldBe([At(3, 15, 8, Edt)]);
        Starts(e, Utc(3, 1, 0), Utc(3, 24, 0)).ShouldBe([At(3, 1, 8, Est), At(3, 8, 8, Est), At(3, 23, 9, Edt)]);
    }

    [Fact]
    public void Occurrences_WhenAllDaySeriesSpansTheFallBackWeekend_EndAtLocalMidnight()
    {
        // Saturday and Sunday, every week: the weekend London falls back has 49 hours, the one it springs forward 47.
        var e = Event(Draft(new DateTimeOffset(2027, 10, 23, 0, 0, 0, Bst), new DateTimeOffset(2027, 10, 25, 0, 0, 0, Bst), "FREQ=WEEKLY;COUNT=3", London, allDay: true));

        var weekends = e.Occurrences(Utc(10, 20, 0), Utc(11, 10, 0));

        weekends.Select(o => (o.StartUtc, o.EndUtc)).ShouldBe(
        [
            (At(10, 23, 0, Bst), At(10, 25, 0, Bst)),
            (At(10, 30, 0, Bst), Utc(11, 1, 0)),
            (Utc(11, 6, 0), Utc(11, 8, 0)),
        ]);
    }

    [Fact]
    public void Occurrences_WhenAllDaySeriesStartsOnTheSpringForwardWeekend_LaterWeekendsStillLastTwoDays()
    {
        var e = Event(Draft(Utc(3, 27, 0), At(3, 29, 0, Bst), "FREQ=WEEKLY;COUNT=2", London, allDay: true));

        e.Duration.ShouldBe(TimeSpan.FromHours(47));
        e.Occurrences(Utc(3, 27, 0), Utc(4, 10, 0)).Select(o => (o.StartUtc, o.EndUtc)).ShouldBe(
        [
            (Utc(3, 27, 0), At(3, 29, 0, Bst)),
            (At(4, 3, 0, Bst), At(4, 5, 0, Bst)),
        ]);
        e.SeriesEndUtc.ShouldBe(At(4, 5, 0, Bst));
    }

    [Fact]
    public void ChangeSeries_WhenAllDayOccurrenceOnTheSpringForwardWeekendMoves_KeepsItsTwoDays()
    {
        var e = Event(Draft(Utc(3, 20, 0), Utc(3, 22, 0), "FREQ=WEEKLY;COUNT=3", London, allDay: true));

        // Saturday 27 March to Monday 29 March (47 hours) dragged one day later.
        e.ChangeSeries(Moved(e, Utc(3, 28, 0), At(3, 30, 0, Bst)), Utc(3, 27, 0), Now);

        e.Occurrences(Utc(3, 1, 0), Utc(4, 30, 0)).Select(o => (o.StartUtc, o.EndUtc)).ShouldBe(
        [
            (Utc(3, 21, 0), Utc(3, 23, 0)),
            (Utc(3, 28, 0), At(3, 30, 0, Bst)),
            (At(4, 4, 0, Bst), At(4, 6, 0, Bst)),
        ]);
    }

    [Fact]
    public void OverrideOccurrence_WhenAllDay_SpansWholeLocalDays()
    {
        var e = Event(Draft(Utc(3, 20, 0), Utc(3, 21, 0), "FREQ=WEEKLY;COUNT=3", London, allDay: true));

        e.OverrideOccurrence(Utc(3, 27, 0), Moved(e, Utc(3, 28, 10), Utc(3, 28, 15)), Now);

        var moved = e.OccurrenceAt(Utc(3, 27, 0));
        (moved.StartUtc, moved.EndUtc).ShouldBe((Utc(3, 28, 0), At(3, 29, 0, Bst)));
    }
}
