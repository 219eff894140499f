using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>"This and following": splitting a series, and ending it early.</summary>
public sealed class SplitTests
{
    private static readonly Guid TailId = Guid.NewGuid();

    [Fact]
    public void SplitAt_WhenRuleHasCount_SharesTheCountBetweenHeadAndTail()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=6");

        var tail = e.SplitAt(Mnl(3, 15, 9), TailId, Now)!;

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=2");
        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 8, 9)]);
        e.SeriesEndUtc.ShouldBe(Mnl(3, 8, 10));
        tail.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        (tail.Id, tail.SplitFromId, tail.StartUtc, tail.EndUtc).ShouldBe((TailId, e.Id, Mnl(3, 15, 9), Mnl(3, 15, 10)));
        Spring(tail).ShouldBe([Mnl(3, 15, 9), Mnl(3, 22, 9), Mnl(3, 29, 9), Mnl(4, 5, 9)]);
        tail.SeriesEndUtc.ShouldBe(Mnl(4, 5, 10));
    }

    [Fact]
    public void SplitAt_WhenRuleHasUntil_HeadEndsBeforeAndTailKeepsTheEnd()
    {
        // Until Monday 5 April (end of day in Manila, as the editor writes it).
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270405T155959Z");

        var tail = e.SplitAt(Mnl(3, 22, 9), TailId, Now)!;

        Spring(e).ShouldBe([Mnl(3, 1, 9), Mnl(3, 8, 9), Mnl(3, 15, 9)]);
        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270322T005959Z");
        Spring(tail).ShouldBe([Mnl(3, 22, 9), Mnl(3, 29, 9), Mnl(4, 5, 9)]);
        tail.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270405T155959Z");
    }

    [Fact]
    public void SplitAt_WhenSeriesNeverEnds_HeadGetsAnEndAndTailRunsOn()
    {
        var e = Mondays();

        var tail = e.SplitAt(Mnl(3, 15, 9), TailId, Now)!;

        e.SeriesEndUtc.ShouldBe(Mnl(3, 8, 10));
        Starts(e, Mnl(3, 1, 0), Mnl(12, 31, 0)).Count.ShouldBe(2);
        tail.SeriesEndUtc.ShouldBeNull();
        Starts(tail, Mnl(12, 1, 0), Mnl(12, 8, 0)).ShouldBe([Mnl(12, 6, 9)]);
    }

    [Fact]
    public void SplitAt_WhenParticipantsAnswered_TailKeepsThemAndTheirAnswers()
    {
        var (ana, ben) = (Guid.NewGuid(), Guid.NewGuid());
        var e = Mondays(participants: [ana, ben]);
        e.Respond(ana, ParticipantResponse.Accepted, Mnl(2, 20, 10));
        e.Respond(ben, ParticipantResponse.Declined, Mnl(2, 21, 10));

        var tail = e.SplitAt(Mnl(3, 15, 9), TailId, Now)!;

        tail.Participants.Select(p => (p.EventId, p.UserId, p.Response, p.RespondedAt)).ShouldBe(
            [(TailId, ana, ParticipantResponse.Accepted, (DateTimeOffset?)Mnl(2, 20, 10)), (TailId, ben, ParticipantResponse.Declined, (DateTimeOffset?)Mnl(2, 21, 10))],
            ignoreOrder: true);
        tail.MemberIds.ShouldBe([Organizer, ana, ben], ignoreOrder: true);
        tail.OrganizerId.ShouldBe(Organizer);
        e.Participants.Count.ShouldBe(2);
    }

    [Fact]
    public void SplitAt_WhenOverridesAndDeletedDatesExist_EachHalfKeepsItsOwn()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=6");
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 8, 11), Mnl(3, 8, 12)), Now);
        e.OverrideOccurrence(Mnl(3, 22, 9), Moved(e, Mnl(3, 23, 9), Mnl(3, 23, 10)) with { Title = "Tuesday this time" }, Now);
        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);
        e.ExcludeOccurrence(Mnl(3, 29, 9), Organizer, Now);

        var tail = e.SplitAt(Mnl(3, 15, 9), TailId, Now)!;

        Spring(e).ShouldBe([Mnl(3, 8, 11)]);
        e.Overrides.Select(o => o.RecurrenceId).ShouldBe([Mnl(3, 8, 9)]);
        e.ExceptionDates.ShouldBe([Mnl(3, 1, 9)]);
        Spring(tail).ShouldBe([Mnl(3, 15, 9), Mnl(3, 23, 9), Mnl(4, 5, 9)]);
        var moved = tail.Overrides.ShouldHaveSingleItem();
        (moved.EventId, moved.RecurrenceId, moved.Title).ShouldBe((TailId, Mnl(3, 22, 9), "Tuesday this time"));
        tail.ExceptionDates.ShouldBe([Mnl(3, 29, 9)]);
        // COUNT counts deleted dates too (RFC 5545): 6 = 2 before + 4 from the split on.
        tail.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
    }

    [Fact]
    public void SplitAt_WhenFirstOccurrence_ReturnsNothingAndLeavesTheSeries()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=3");

        e.SplitAt(Mnl(3, 1, 9), TailId, Now).ShouldBeNull();

        e.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
        e.IsFirstOccurrence(Mnl(3, 1, 9)).ShouldBeTrue();
        e.IsFirstOccurrence(Mnl(3, 8, 9)).ShouldBeFalse();
    }

    [Fact]
    public void IsFirstOccurrence_WhenTheFirstWasDeleted_StillCountsIt()
    {
        var e = Mondays();
        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);

        e.IsFirstOccurrence(Mnl(3, 8, 9)).ShouldBeFalse();
    }

    [Fact]
    public void EndBefore_WhenFirstOccurrence_AsksToCancelTheSeries()
    {
        var e = Mondays();

        Should.Throw<BusinessRuleException>(() => e.EndBefore(Mnl(3, 1, 9), Organizer, Now)).Message
            .ShouldBe("That is the first occurrence: cancel the whole series instead.");
    }

    [Fact]
    public void EndBefore_WhenLaterOverridesAndDeletedDatesExist_DropsThem()
    {
        var e = Mondays();
        e.OverrideOccurrence(Mnl(3, 22, 9), Moved(e, Mnl(3, 23, 9), Mnl(3, 23, 10)), Now);
        e.ExcludeOccurrence(Mnl(3, 29, 9), Organizer, Now);

        e.EndBefore(Mnl(3, 15, 9), Organizer, Now);

        Starts(e, Mnl(3, 1, 0), Mnl(12, 31, 0)).ShouldBe([Mnl(3, 1, 9), Mnl(3, 8, 9)]);
        e.Overrides.ShouldBeEmpty();
        e.ExceptionDates.ShouldBeEmpty();
        e.IsCancelled.ShouldBeFalse();
    }

    [Fact]
    public void EndBefore_WhenEveryEarlierOccurrenceWasDeleted_CancelsTheSeries()
    {
        var e = Mondays();
        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);

        e.EndBefore(Mnl(3, 8, 9), Organizer, Now);

        e.IsCancelled.ShouldBeTrue();
    }

    [Fact]
    public void EndBefore_WhenAnEarlierOccurrenceWasMovedPastTheCut_KeepsTheSeries()
    {
        var e = Mondays();
        e.ExcludeOccurrence(Mnl(3, 1, 9), Organizer, Now);
        e.OverrideOccurrence(Mnl(3, 8, 9), Moved(e, Mnl(3, 20, 9), Mnl(3, 20, 10)), Now);

        e.EndBefore(Mnl(3, 15, 9), Organizer, Now);

        e.IsCancelled.ShouldBeFalse();
        Spring(e).ShouldBe([Mnl(3, 20, 9)]);
    }
}
