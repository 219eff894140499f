using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Quick add's name lookup and the "already busy" warning (at 06:00, when no other test keeps these people busy).</summary>
[Collection(SchedulingCollection.Name)]
public sealed class ParticipantLookupTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task ResolveParticipantNames_WhenANameIsAWholeWord_PrefersItOverSubstrings()
    {
        var matches = await fixture.SendAs<IReadOnlyList<NameMatch>>(fixture.Staff, new ResolveParticipantNames(["Ali", " usman ", "USMAN", "ami", "Zyx", ""]));

        matches.Select(m => m.Name).ShouldBe(["Ali", "usman", "ami", "Zyx"]);
        matches[0].Matches.Select(u => u.DisplayName).ShouldBe(["Ali Macapagal"]);
        matches[1].Matches.Select(u => u.DisplayName).ShouldBe(["Jamal Usman"]);
        matches[2].Matches.Select(u => u.DisplayName).ShouldBe(["Amina Datu"]);
        matches[3].Matches.ShouldBeEmpty();
    }

    [Fact]
    public async Task FindBusyParticipants_WhenTheOccurrenceWasDeletedOrTheEventCancelled_CountsThemFree()
    {
        var series = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 6, 5, 6), "FREQ=WEEKLY;BYDAY=SA", title: "Busy series", participants: [fixture.Staff.Id])));
        var single = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 6, 10, 6), title: "Busy single", participants: [fixture.Staff2.Id])));
        Task<IReadOnlyList<BusyParticipant>> BusyAsync(DateTimeOffset start) =>
            fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Admin, new FindBusyParticipants([fixture.Staff.Id, fixture.Staff2.Id], start, start.AddMinutes(30), null));

        (await BusyAsync(At(2027, 6, 12, 6, 30))).Select(b => b.UserId).ShouldBe([fixture.Staff.Id]);
        (await BusyAsync(At(2027, 6, 10, 6, 15))).Select(b => b.UserId).ShouldBe([fixture.Staff2.Id]);
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(series, At(2027, 6, 12, 6), EditScope.Occurrence));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(single, null, EditScope.Series));

        (await BusyAsync(At(2027, 6, 12, 6, 30))).ShouldBeEmpty();
        (await BusyAsync(At(2027, 6, 10, 6, 15))).ShouldBeEmpty();
        (await BusyAsync(At(2027, 6, 19, 6, 30))).Select(b => b.DisplayName).ShouldBe([fixture.Staff.DisplayName]);
    }

    [Fact]
    public async Task FindBusyParticipants_WhenAWholeSeriesMovesADay_NamesWhoIsBusyAtALaterMovedOccurrence()
    {
        // Mondays 06:00 for six weeks; Staff2 already has something on the third Tuesday at 06:00.
        var series = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 8, 2, 6), "FREQ=WEEKLY;BYDAY=MO;COUNT=6", title: "Moving series", participants: [fixture.Staff2.Id])));
        await fixture.SendAs<Guid>(fixture.Admin, new CreateEvent(Single(At(2027, 8, 17, 6), title: "Tuesday clash", participants: [fixture.Staff2.Id])));
        Task<IReadOnlyList<BusyParticipant>> BusyAsync(SeriesShift? later) =>
            fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Manager, new FindBusyParticipants([fixture.Staff2.Id], At(2027, 8, 3, 6), At(2027, 8, 3, 7), series, later));

        // Only the dragged occurrence: free then.
        (await BusyAsync(null)).ShouldBeEmpty();

        // Every occurrence a day later: the third one clashes, and the warning says when.
        var busy = (await BusyAsync(new SeriesShift(DateTimeOffset.MinValue, TimeSpan.FromDays(1)))).ShouldHaveSingleItem();
        (busy.UserId, busy.AtChosenTime, busy.FirstLaterClash).ShouldBe((fixture.Staff2.Id, false, (DateTimeOffset?)At(2027, 8, 17, 6)));

        // "This and following" from the fourth Monday on: the clash is behind the moved part.
        (await BusyAsync(new SeriesShift(At(2027, 8, 23, 6), TimeSpan.FromDays(1)))).ShouldBeEmpty();
    }
}
