using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Who sees which events, and how much of them: private, busy-only, unit scope, categories, declined.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class VisibilityTests(SchedulingFixture fixture)
{
    private static readonly Guid Meeting = new("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Training = new("0193a000-0000-7000-8000-000000000002");

    private Task<Guid> CreateAsync(EventDraft draft, DirectoryUser? organizer = null) =>
        fixture.SendAs<Guid>(organizer ?? fixture.Manager, new CreateEvent(draft));

    private async Task<FeedItem?> SeenAsync(DirectoryUser user, Guid id, CalendarScope scope = CalendarScope.All, IReadOnlyList<Guid>? categories = null, bool showDeclined = false) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(user, new GetCalendarFeed(At(2027, 4, 1, 0), At(2027, 5, 1, 0), scope, categories, showDeclined)))
            .FirstOrDefault(i => i.EventId == id);

    [Fact]
    public async Task PrivateEvent_WhenOthersLook_IsInNeitherFeedNorDetails()
    {
        var id = await CreateAsync(Single(At(2027, 4, 5, 9), title: "Private appraisal", participants: [fixture.Staff.Id]) with { Visibility = EventVisibility.Private });

        (await SeenAsync(fixture.Staff2, id)).ShouldBeNull();
        (await SeenAsync(fixture.Staff2, id, CalendarScope.Unit)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => fixture.SendAs<EventDetails>(fixture.Staff2, new GetEventDetails(id, null)));
        (await SeenAsync(fixture.Staff, id))!.Title.ShouldBe("Private appraisal");
        (await fixture.SendAs<EventDetails>(fixture.Admin, new GetEventDetails(id, null))).Title.ShouldBe("Private appraisal");
    }

    [Fact]
    public async Task BusyOnlyEvent_WhenOthersLook_ShowsBusyWithoutDetails()
    {
        var id = await CreateAsync(Single(At(2027, 4, 6, 9), title: "Doctor", participants: [fixture.Staff.Id]) with
        {
            Visibility = EventVisibility.BusyOnly,
            Description = "Check-up",
            CategoryId = Meeting,
            RecurrenceRule = "FREQ=WEEKLY;COUNT=3",
            ReminderMinutes = [30],
        });

        // Nothing that hints at what it is: no title, place, category colour, repetition or reminders.
        var other = (await SeenAsync(fixture.OtherUnitStaff, id))!;
        (other.Title, other.Location, other.BusyOnly, other.StartUtc).ShouldBe(("Busy", null, true, At(2027, 4, 6, 9)));
        (other.CategoryColour, other.Recurring).ShouldBe((null, false));
        var details = await fixture.SendAs<EventDetails>(fixture.OtherUnitStaff, new GetEventDetails(id, null));
        (details.Title, details.Description, details.Location, details.Category, details.DetailsHidden).ShouldBe(("Busy", null, null, null, true));
        details.RecurrenceRule.ShouldBeNull();
        details.ReminderMinutes.ShouldBeEmpty();
        details.Participants.ShouldBeEmpty();
        var member = (await SeenAsync(fixture.Staff, id))!;
        (member.Title, member.Location, member.BusyOnly, member.Recurring).ShouldBe(("Doctor", "Room 1", false, true));
        member.CategoryColour.ShouldNotBeNull();
        var admin = (await SeenAsync(fixture.Admin, id))!;
        (admin.Title, admin.Location).ShouldBe(("Doctor", "Room 1"));
        (await fixture.SendAs<EventDetails>(fixture.Admin, new GetEventDetails(id, null))).Description.ShouldBe("Check-up");
    }

    [Fact]
    public async Task BusyOnlySeries_WhenSeenBeyondTheIndexHorizon_IsStillBlanked()
    {
        var id = await CreateAsync(Series(At(2027, 4, 7, 9), "FREQ=WEEKLY;BYDAY=WE", title: "Therapy") with { Visibility = EventVisibility.BusyOnly });

        var far = (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Staff2, new GetCalendarFeed(At(2029, 1, 1, 0), At(2029, 1, 8, 0), CalendarScope.All)))
            .Single(i => i.EventId == id);

        (far.Title, far.Location, far.BusyOnly).ShouldBe(("Busy", null, true));
    }

    [Fact]
    public async Task UnitScope_WhenTheOrganizerIsInMyUnit_ShowsTheirEventsButNotOtherUnits()
    {
        var mine = await CreateAsync(Single(At(2027, 4, 8, 9), title: "Ops planning"));
        var theirs = await CreateAsync(Single(At(2027, 4, 8, 11), title: "Programs planning"), fixture.OtherUnitStaff);
        var hidden = await CreateAsync(Single(At(2027, 4, 8, 13), title: "Ops secret") with { Visibility = EventVisibility.Private });

        (await SeenAsync(fixture.Staff2, mine, CalendarScope.Unit)).ShouldNotBeNull();
        (await SeenAsync(fixture.Staff2, theirs, CalendarScope.Unit)).ShouldBeNull();
        (await SeenAsync(fixture.Staff2, hidden, CalendarScope.Unit)).ShouldBeNull();
        (await SeenAsync(fixture.Staff2, mine, CalendarScope.Mine)).ShouldBeNull();
        (await SeenAsync(fixture.Staff2, theirs, CalendarScope.All)).ShouldNotBeNull();
        (await SeenAsync(fixture.OtherUnitStaff, theirs, CalendarScope.Unit)).ShouldNotBeNull();
    }

    [Fact]
    public async Task CategoryFilter_WhenGiven_ShowsOnlyThoseCategories()
    {
        var meeting = await CreateAsync(Single(At(2027, 4, 9, 9), title: "Category meeting") with { CategoryId = Meeting });
        var training = await CreateAsync(Single(At(2027, 4, 9, 11), title: "Category training") with { CategoryId = Training });
        var none = await CreateAsync(Single(At(2027, 4, 9, 13), title: "No category"));

        (await SeenAsync(fixture.Manager, training, categories: [Training]))!.CategoryColour.ShouldBe("#6a1b9a");
        (await SeenAsync(fixture.Manager, meeting, categories: [Training])).ShouldBeNull();
        (await SeenAsync(fixture.Manager, none, categories: [Training])).ShouldBeNull();
        (await SeenAsync(fixture.Manager, meeting, categories: [Training, Meeting])).ShouldNotBeNull();
        (await SeenAsync(fixture.Manager, none, categories: [])).ShouldNotBeNull();
    }

    [Fact]
    public async Task DeclinedEvent_WhenShowDeclinedIsOff_IsHiddenFromTheOneWhoDeclined()
    {
        var id = await CreateAsync(Series(At(2027, 4, 12, 14), "FREQ=WEEKLY;BYDAY=MO", title: "Optional seminar", participants: [fixture.Staff.Id, fixture.Staff2.Id]));

        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Declined));

        (await SeenAsync(fixture.Staff, id, CalendarScope.Mine)).ShouldBeNull();
        (await SeenAsync(fixture.Staff, id, CalendarScope.Mine, showDeclined: true))!.MyResponse.ShouldBe(ParticipantResponse.Declined);
        (await SeenAsync(fixture.Staff2, id, CalendarScope.Mine))!.MyResponse.ShouldBe(ParticipantResponse.NeedsAction);
        var far = await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Staff, new GetCalendarFeed(At(2029, 1, 1, 0), At(2029, 1, 8, 0), CalendarScope.Mine));
        far.ShouldNotContain(i => i.EventId == id);
    }

    [Fact]
    public async Task OneOccurrenceDeclined_WhenShowDeclinedIsOff_OnlyThatOccurrenceLeavesTheCalendarAndTheOrganizerSeesIt()
    {
        var id = await CreateAsync(Series(At(2027, 6, 7, 16, 15), "FREQ=WEEKLY;BYDAY=MO;COUNT=3", title: "Weekly coaching", participants: [fixture.Staff.Id, fixture.Staff2.Id]));
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Accepted));

        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Declined, At(2027, 6, 14, 16, 15)));

        async Task<IReadOnlyList<FeedItem>> JuneAsync(bool showDeclined) =>
            (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Staff, new GetCalendarFeed(At(2027, 6, 1, 0), At(2027, 7, 1, 0), CalendarScope.Mine, null, showDeclined)))
                .Where(i => i.EventId == id).ToList();
        (await JuneAsync(false)).Select(i => i.StartUtc).ShouldBe([At(2027, 6, 7, 16, 15), At(2027, 6, 21, 16, 15)]);
        (await JuneAsync(true)).Select(i => i.MyResponse).ShouldBe([ParticipantResponse.Accepted, ParticipantResponse.Declined, ParticipantResponse.Accepted]);

        // The organizer reads the answer per occurrence; the declined one leaves Staff free for something else then.
        ParticipantResponse AnswerOf(EventDetails details) => details.Participants.Single(p => p.UserId == fixture.Staff.Id).Response;
        AnswerOf(await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 6, 14, 16, 15)))).ShouldBe(ParticipantResponse.Declined);
        AnswerOf(await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 6, 21, 16, 15)))).ShouldBe(ParticipantResponse.Accepted);
        async Task<IReadOnlyList<BusyParticipant>> BusyAsync(DateTimeOffset start) =>
            await fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Admin, new FindBusyParticipants([fixture.Staff.Id], start, start.AddMinutes(30), null));
        (await BusyAsync(At(2027, 6, 14, 16, 15))).ShouldBeEmpty();
        (await BusyAsync(At(2027, 6, 21, 16, 15))).ShouldHaveSingleItem().UserId.ShouldBe(fixture.Staff.Id);

        var published = await fixture.OutboxAsync<OobcCalendar.Modules.Scheduling.Contracts.ParticipantRespondedIntegrationEvent>(id);
        published.Select(p => (p.Response, p.RecurrenceIdUtc)).ShouldBe([("Accepted", (DateTimeOffset?)null), ("Declined", At(2027, 6, 14, 16, 15))], ignoreOrder: true);
    }
}
