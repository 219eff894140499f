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
}
