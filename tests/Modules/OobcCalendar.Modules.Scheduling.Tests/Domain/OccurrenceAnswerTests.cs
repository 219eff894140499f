using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>Answering one occurrence of a series ("not this Monday") and what series edits do with such answers.</summary>
public sealed class OccurrenceAnswerTests
{
    private static readonly Guid Guest = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    private static CalendarEvent Invited()
    {
        var e = Mondays("FREQ=WEEKLY;BYDAY=MO;COUNT=4", participants: [Guest]);
        e.Respond(Guest, ParticipantResponse.Accepted, Now);
        return e;
    }

    [Fact]
    public void Respond_ForOneOccurrence_ChangesThatOccurrenceOnly()
    {
        var e = Invited();

        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 8, 9));

        e.ResponseOf(Guest, Mnl(3, 8, 9)).ShouldBe(ParticipantResponse.Declined);
        e.ResponseOf(Guest, Mnl(3, 15, 9)).ShouldBe(ParticipantResponse.Accepted);
        e.ResponseOf(Guest, null).ShouldBe(ParticipantResponse.Accepted);
    }

    [Fact]
    public void Respond_ForTheWholeSeries_ReplacesAnswersGivenToSingleOccurrences()
    {
        var e = Invited();
        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 8, 9));

        e.Respond(Guest, ParticipantResponse.Tentative, Now);

        e.OccurrenceAnswers.ShouldBeEmpty();
        e.ResponseOf(Guest, Mnl(3, 8, 9)).ShouldBe(ParticipantResponse.Tentative);
    }

    [Fact]
    public void Respond_ForATimeThatIsNoOccurrence_RefusesAndRecordsNothing()
    {
        var e = Invited();

        Should.Throw<UserFacingException>(() => e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 9, 9)));

        e.OccurrenceAnswers.ShouldBeEmpty();
    }

    [Fact]
    public void SplitAt_CarriesLaterAnswersToTheNewSeriesAndKeepsEarlierOnes()
    {
        var e = Invited();
        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 8, 9));
        e.Respond(Guest, ParticipantResponse.Tentative, Now, Mnl(3, 22, 9));

        var tail = e.SplitAt(Mnl(3, 15, 9), Guid.NewGuid(), Now)!;

        e.OccurrenceAnswers.Select(a => a.RecurrenceId).ShouldBe([Mnl(3, 8, 9)]);
        tail.ResponseOf(Guest, Mnl(3, 22, 9)).ShouldBe(ParticipantResponse.Tentative);
        tail.OccurrenceAnswers.ShouldAllBe(a => a.EventId == tail.Id);
    }

    [Fact]
    public void ChangeSeries_WhenEveryOccurrenceMovesADayLater_TheAnswerMovesWithItsOccurrence()
    {
        var e = Invited();
        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 15, 9));

        e.ChangeSeries(Moved(e, Mnl(3, 9, 9), Mnl(3, 9, 10)), Mnl(3, 8, 9), Now);

        e.ResponseOf(Guest, Mnl(3, 16, 9)).ShouldBe(ParticipantResponse.Declined);
        e.ResponseOf(Guest, Mnl(3, 9, 9)).ShouldBe(ParticipantResponse.Accepted);
    }

    [Fact]
    public void ExcludeOccurrence_DropsTheAnswersGivenToIt()
    {
        var e = Invited();
        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 15, 9));

        e.ExcludeOccurrence(Mnl(3, 15, 9), Organizer, Now);

        e.OccurrenceAnswers.ShouldBeEmpty();
    }

    [Fact]
    public void Uninviting_DropsThePersonsAnswersToSingleOccurrences()
    {
        var e = Invited();
        e.Respond(Guest, ParticipantResponse.Declined, Now, Mnl(3, 15, 9));

        e.ApplyDetails(Moved(e, Mnl(3, 1, 9), Mnl(3, 1, 10)) with { ParticipantIds = [] }, Now);

        e.OccurrenceAnswers.ShouldBeEmpty();
    }
}
