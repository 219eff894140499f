using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features.Ics;

/// <summary>The public ICS query other modules (Sharing's feeds) use instead of reading Scheduling's tables.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class GetCalendarIcsTests(SchedulingFixture fixture)
{
    private static readonly DateTimeOffset September = At(2027, 9, 1, 0);
    private static readonly DateTimeOffset October = At(2027, 10, 1, 0);

    /// <summary>The VEVENT blocks of a file (folded lines joined), keyed by nothing: each block's text.</summary>
    private static List<string> Blocks(string ics) =>
        ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("BEGIN:VEVENT").Skip(1).ToList();

    private static string BlockOf(string ics, Guid id) =>
        Blocks(ics).Where(b => b.Contains($"UID:{id}@oobc-calendar", StringComparison.Ordinal)).ShouldHaveSingleItem();

    private async Task<(Guid Normal, Guid Hidden, Guid Series, Guid Declined)> CalendarAsync(string tag)
    {
        var owner = fixture.OtherUnitStaff;
        var normal = await fixture.SendAs<Guid>(owner, new CreateEvent(Single(At(2027, 9, 6, 10), 60, $"Budget {tag}")));
        var hidden = await fixture.SendAs<Guid>(owner, new CreateEvent(Single(At(2027, 9, 7, 10), 60, $"Doctor {tag}") with { Visibility = EventVisibility.Private }));
        var series = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 9, 6, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", title: $"Sync {tag}", participants: [owner.Id])));
        var declined = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 9, 8, 9), 60, $"Declined {tag}", participants: [owner.Id])));
        await fixture.SendAs<Mediator.Unit>(owner, new RespondToEvent(declined, ParticipantResponse.Declined));
        return (normal, hidden, series, declined);
    }

    [Fact]
    public async Task GetCalendarIcs_WhenDetailsAreAsked_ThenNormalEventsShowAndPrivateOnesAreBusy()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (normal, hidden, series, declined) = await CalendarAsync(tag);

        var ics = await fixture.SendAs<string>(fixture.Admin, new GetCalendarIcs([fixture.OtherUnitStaff.Id], September, October, IcsDetailLevel.Details));

        ics.ShouldStartWith("BEGIN:VCALENDAR");
        ics.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Manila");
        BlockOf(ics, normal).ShouldContain($"SUMMARY:Budget {tag}");
        BlockOf(ics, hidden).ShouldContain("SUMMARY:Busy");
        ics.ShouldNotContain($"Doctor {tag}");
        BlockOf(ics, series).ShouldContain("RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO");
        BlockOf(ics, series).ShouldContain($"SUMMARY:Sync {tag}");
        ics.ShouldNotContain($"UID:{declined}@oobc-calendar");
    }

    [Fact]
    public async Task GetCalendarIcs_WhenOnlyFreeBusyIsAsked_ThenEveryEventIsABusyBlockWithoutPeople()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (normal, _, series, _) = await CalendarAsync(tag);

        var ics = await fixture.SendAs<string>(fixture.Admin, new GetCalendarIcs([fixture.OtherUnitStaff.Id], September, October, IcsDetailLevel.FreeBusy));

        BlockOf(ics, normal).ShouldContain("SUMMARY:Busy");
        BlockOf(ics, series).ShouldContain("SUMMARY:Busy");
        BlockOf(ics, series).ShouldContain("DTSTART;TZID=Asia/Manila:20270906T090000");
        ics.ShouldNotContain(tag);
        ics.ShouldNotContain(fixture.OtherUnitStaff.Email);
    }

    [Fact]
    public async Task GetCalendarIcs_WhenNoOwnerOrAnOverlongRangeIsGiven_ThenItIsRefused()
    {
        await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<string>(fixture.Admin, new GetCalendarIcs([], September, October, IcsDetailLevel.Details)));
        await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<string>(fixture.Admin, new GetCalendarIcs([fixture.Staff.Id], September, September.AddDays(GetCalendarIcs.MaxDays + 1), IcsDetailLevel.Details)));
    }
}
