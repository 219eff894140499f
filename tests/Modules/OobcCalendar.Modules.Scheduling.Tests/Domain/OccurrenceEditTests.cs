using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>Changing or deleting one occurrence of a series (RECURRENCE-ID override, EXDATE).</summary>
public sealed class OccurrenceEditTests
{
    [Fact]
    public void OverrideOccurrence_WhenMovedToAnotherDay_MovesOnlyThatOccurrence()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=4");

        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 10, 14), Mnl(3, 10, 16)), Now);

        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 10, 14), Mnl(3, 15, 9), Mnl(3, 22, 9)]);
        var moved = e.OccurrenceAt(Mnl(3, 8, 9));
        (moved.StartUtc, moved.EndUtc).ShouldBe((Mnl(3, 10, 14), Mnl(3, 10, 16)));
        e.Occurrences(Mnl(3, 10, 0), Mnl(3, 11, 0)).Single().RecurrenceId.ShouldBe(Mnl(3, 8, 9));
    }

    [Fact]
    public void Occurrences_WhenAnOccurrenceWasMovedOutOfTheWindow_LeaveItOut()
    {
        var e = Mondays();
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 10, 14), Mnl(3, 10, 15)), Now);

        Starts(e, Mnl(3, 8, 0), Mnl(3, 9, 0)).ShouldBeEmpty();
    }

    [Fact]
    public void OverrideOccurrence_WhenDetailsEqualTheSeries_KeepsThemInherited()
    {
        var e = Mondays();

        var changed = e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 9), Mnl(3, 8, 10)) with { Title = "Stand-up", Location = "Room 7" }, Now);

        changed.Title.ShouldBeNull();
        changed.Location.ShouldBe("Room 7");
    }

    [Fact]
    public void OverrideOccurrence_WhenEditedTwice_KeepsOneOverride()
    {
        var e = Mondays();

        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 10), Mnl(3, 8, 11)), Now);
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 11), Mnl(3, 8, 12)), Now);

        e.Overrides.ShouldHaveSingleItem().StartUtc.ShouldBe(Mnl(3, 8, 11));
    }

    [Fact]
    public void OverrideOccurrence_WhenItChangesWhoIsInvitedOrTheCategory_RefusesAndChangesNothing()
    {
        var e = Mondays();

        var error = Should.Throw<BusinessRuleException>(() => e.OverrideOccurrence(
            Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 10), Mnl(3, 8, 11)) with { ParticipantIds = [Guid.CreateVersion7()], CategoryId = Guid.CreateVersion7() }, Now));

        error.Message.ShouldBe("The participants and category of a repeating event apply to every occurrence: choose \"This and following\" or \"All events\" to change them.");
        e.Overrides.ShouldBeEmpty();
    }

    [Fact]
    public void OverrideOccurrence_WhenEndBeforeStart_Refuses()
    {
        var e = Mondays();

        var error = Should.Throw<InputValidationException>(() => e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 10), Mnl(3, 8, 9)), Now));

        error.Errors["End"].ShouldBe(["The end must be after the start."]);
        e.Overrides.ShouldBeEmpty();
    }

    [Fact]
    public void OverrideOccurrence_WhenLongerThan31Days_Refuses()
    {
        var e = Mondays();

        var error = Should.Throw<InputValidationException>(() => e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 9), Mnl(4, 9, 9)), Now));

        error.Errors["End"].ShouldBe(["An event can last at most 31 days."]);
    }

    [Fact]
    public void OverrideOccurrence_WhenSwitchingToAllDay_AsksToChangeTheSeries()
    {
        var e = Mondays();

        Should.Throw<BusinessRuleException>(() => e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 0), Mnl(3, 9, 0)) with { AllDay = true }, Now))
            .Message.ShouldContain("change the whole series");
    }

    [Fact]
    public void OverrideOccurrence_WhenNoOccurrenceStartsThen_IsNotFound()
    {
        var e = Mondays();

        Should.Throw<NotFoundException>(() => e.OverrideOccurrence(Mnl(3, 9, 9), Moved(e, Mnl(3, 9, 10), Mnl(3, 9, 11)), Now));
        Should.Throw<NotFoundException>(() => e.OccurrenceAt(Mnl(3, 8, 9, 30)));
    }

    [Fact]
    public void OverrideOccurrence_WhenEventIsSingle_Refuses()
    {
        var e = Event(Draft(Mnl(3, 1, 9), Mnl(3, 1, 10)));

        Should.Throw<BusinessRuleException>(() => e.OverrideOccurrence(Mnl(3, 1, 9), Moved(e, Mnl(3, 1, 10), Mnl(3, 1, 11)), Now));
    }

    [Fact]
    public void ExcludeOccurrence_WhenDeleted_DropsItAndItsOverride()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        e.OverrideOccurrence(Mnl(3, 15, 9), Moved(e, Mnl(3, 16, 9), Mnl(3, 16, 10)), Now);

        e.ExcludeOccurrence(Mnl(3, 15, 9), Organizer, Now);

        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 8, 9), Mnl(3, 22, 9)]);
        e.Overrides.ShouldBeEmpty();
        e.ExceptionDates.ShouldBe([Mnl(3, 15, 9)]);
        Should.Throw<NotFoundException>(() => e.OccurrenceAt(Mnl(3, 15, 9)));
        e.IsCancelled.ShouldBeFalse();
    }

    [Fact]
    public void ExcludeOccurrence_WhenItWasTheLastRemaining_CancelsTheSeries()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=2");

        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);
        e.IsCancelled.ShouldBeFalse();
        e.ExcludeOccurrence(Mnl(3, 8, 9), Organizer, Now);

        e.IsCancelled.ShouldBeTrue();
        e.CancelledBy.ShouldBe(Organizer);
    }

    [Fact]
    public void ExcludeOccurrence_WhenSeriesNeverEnds_NeverCancels()
    {
        var e = Mondays();

        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);

        e.IsCancelled.ShouldBeFalse();
        Spring(e)[0].ShouldBe(Mnl(3, 8, 9));
    }

    [Fact]
    public void OccurrenceAt_WhenOccurrencesOverlap_FindsEachOfThem()
    {
        // A three-day training repeated daily (shifts): at any instant three occurrences run.
        var e = Event(Draft(Mnl(3, 1, 9), Mnl(3, 4, 9), "FREQ=DAILY;COUNT=10"));

        e.OccurrenceAt(Mnl(3, 5, 9)).EndUtc.ShouldBe(Mnl(3, 8, 9));
        e.ExcludeOccurrence(Mnl(3, 5, 9), Organizer, Now);
        Starts(e, Mnl(3, 5, 0), Mnl(3, 6, 0)).ShouldBe([Mnl(3, 2, 9), Mnl(3, 3, 9), Mnl(3, 4, 9)]);
    }

    [Fact]
    public void ExcludeOccurrence_WhenTheOtherOccurrenceWasMovedPastTheSeriesEnd_KeepsTheSeries()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 20, 9), Mnl(3, 20, 10)), Now);

        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);

        e.IsCancelled.ShouldBeFalse();
        Spring(e).ShouldBe([Mnl(3, 20, 9)]);
    }
}
