using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Every change writes the integration events consumers need to its outbox, in the same transaction.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class IntegrationEventTests(SchedulingFixture fixture)
{
    private Task<Guid> WeeklyAsync(string title, string rule = "FREQ=WEEKLY;BYDAY=MO") =>
        fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), rule, title: title, participants: [fixture.Staff.Id])));

    [Fact]
    public async Task CreateEvent_WhenSaved_PublishesScheduledWithEverythingAConsumerNeeds()
    {
        var id = await WeeklyAsync("Outbox weekly", "FREQ=WEEKLY;BYDAY=MO;COUNT=4");

        var scheduled = (await fixture.OutboxAsync<EventScheduledIntegrationEvent>(id)).ShouldHaveSingleItem();
        var e = scheduled.Event;
        (e.EventId, e.Title, e.Location, e.OrganizerId, e.Visibility).ShouldBe((id, "Outbox weekly", "Room 1", fixture.Manager.Id, "Normal"));
        e.ParticipantIds.ShouldBe([fixture.Staff.Id]);
        (e.StartUtc, e.EndUtc, e.TimeZoneId, e.AllDay).ShouldBe((At(2027, 3, 1, 9), At(2027, 3, 1, 10), "Asia/Manila", false));
        (e.RecurrenceRule, e.ExceptionDatesUtc.Count, e.ReminderMinutes).ShouldBe(("FREQ=WEEKLY;BYDAY=MO;COUNT=4", 0, null));
        scheduled.SplitFromEventId.ShouldBeNull();
        scheduled.OccurredAt.ShouldBe(fixture.Clock.GetUtcNow());
        (await fixture.OutboxTypesAsync(id)).ShouldBe(["EventScheduledIntegrationEvent"]);
    }

    [Fact]
    public async Task CreateEvent_WhenItHasACategory_PublishesItsCategoryId()
    {
        var training = new Guid("0193a000-0000-7000-8000-000000000002");

        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 2, 6), title: "Outbox category") with { CategoryId = training }));

        (await fixture.OutboxAsync<EventScheduledIntegrationEvent>(id)).ShouldHaveSingleItem().Event.CategoryId.ShouldBe(training);
    }

    [Fact]
    public async Task MoveEvent_WhenOneOccurrenceMoves_PublishesRescheduledNamingIt()
    {
        var id = await WeeklyAsync("Outbox move one");

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 9, 14), At(2027, 3, 9, 15), false));

        var moved = (await fixture.OutboxAsync<EventRescheduledIntegrationEvent>(id)).ShouldHaveSingleItem();
        moved.RecurrenceIdUtc.ShouldBe(At(2027, 3, 8, 9));
        (moved.OldStartUtc, moved.OldEndUtc, moved.NewStartUtc, moved.NewEndUtc).ShouldBe((At(2027, 3, 8, 9), At(2027, 3, 8, 10), At(2027, 3, 9, 14), At(2027, 3, 9, 15)));
        moved.Event.StartUtc.ShouldBe(At(2027, 3, 1, 9));
        (await fixture.OutboxTypesAsync(id)).ShouldBe(["EventRescheduledIntegrationEvent", "EventScheduledIntegrationEvent"]);
    }

    [Fact]
    public async Task MoveEvent_WhenTheSeriesMoves_PublishesRescheduledForTheSeries()
    {
        var id = await WeeklyAsync("Outbox move all");

        // 07:00: early, so the moved series does not make Staff busy in other tests' slots.
        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 15, 9), EditScope.Series, At(2027, 3, 15, 7), At(2027, 3, 15, 8), false));

        var moved = (await fixture.OutboxAsync<EventRescheduledIntegrationEvent>(id)).ShouldHaveSingleItem();
        moved.RecurrenceIdUtc.ShouldBeNull();
        (moved.OldStartUtc, moved.NewStartUtc, moved.NewEndUtc).ShouldBe((At(2027, 3, 1, 9), At(2027, 3, 1, 7), At(2027, 3, 1, 8)));
        moved.Event.StartUtc.ShouldBe(At(2027, 3, 1, 7));
    }

    [Fact]
    public async Task UpdateEvent_WhenParticipantsChange_PublishesUpdatedWithWhoCameAndWent()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 10, 9), title: "Outbox people", participants: [fixture.Staff.Id])));
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, null));

        await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, null, EditScope.Series, details.ToDraft() with { ParticipantIds = [fixture.Staff2.Id, fixture.OtherUnitStaff.Id] }));

        var updated = (await fixture.OutboxAsync<EventUpdatedIntegrationEvent>(id)).ShouldHaveSingleItem();
        updated.AddedParticipantIds.ShouldBe([fixture.Staff2.Id, fixture.OtherUnitStaff.Id], ignoreOrder: true);
        updated.RemovedParticipantIds.ShouldBe([fixture.Staff.Id]);
        updated.Event.ParticipantIds.ShouldBe([fixture.Staff2.Id, fixture.OtherUnitStaff.Id], ignoreOrder: true);
        updated.RecurrenceIdUtc.ShouldBeNull();
        (await fixture.OutboxAsync<EventRescheduledIntegrationEvent>(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateEvent_WhenTimesAndParticipantsChange_PublishesBoth()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 11, 9), title: "Outbox both")));
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, null));

        await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, null, EditScope.Series, details.ToDraft() with
        {
            Start = At(2027, 3, 11, 13),
            End = At(2027, 3, 11, 14),
            ParticipantIds = [fixture.Staff.Id],
        }));

        (await fixture.OutboxAsync<EventRescheduledIntegrationEvent>(id)).ShouldHaveSingleItem().NewStartUtc.ShouldBe(At(2027, 3, 11, 13));
        (await fixture.OutboxAsync<EventUpdatedIntegrationEvent>(id)).ShouldHaveSingleItem().AddedParticipantIds.ShouldBe([fixture.Staff.Id]);
    }

    [Fact]
    public async Task CancelEvent_WhenOneOccurrence_PublishesCancelledNamingIt()
    {
        var id = await WeeklyAsync("Outbox cancel one");

        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence));

        var cancelled = (await fixture.OutboxAsync<EventCancelledIntegrationEvent>(id)).ShouldHaveSingleItem();
        (cancelled.RecurrenceIdUtc, cancelled.FromUtc).ShouldBe((At(2027, 3, 8, 9), null));
        cancelled.Event.ExceptionDatesUtc.ShouldBe([At(2027, 3, 8, 9)]);
    }

    [Fact]
    public async Task CancelEvent_WhenThisAndFollowing_PublishesCancelledFromThatOccurrence()
    {
        var id = await WeeklyAsync("Outbox cancel following");

        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 15, 9), EditScope.Following));

        var cancelled = (await fixture.OutboxAsync<EventCancelledIntegrationEvent>(id)).ShouldHaveSingleItem();
        (cancelled.RecurrenceIdUtc, cancelled.FromUtc).ShouldBe((null, At(2027, 3, 15, 9)));
        cancelled.Event.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270315T005959Z");
    }

    [Fact]
    public async Task CancelEvent_WhenTheSeries_PublishesCancelledForAll()
    {
        var id = await WeeklyAsync("Outbox cancel all");

        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 15, 9), EditScope.Series));

        var cancelled = (await fixture.OutboxAsync<EventCancelledIntegrationEvent>(id)).ShouldHaveSingleItem();
        (cancelled.RecurrenceIdUtc, cancelled.FromUtc).ShouldBe((null, null));
        cancelled.Event.ParticipantIds.ShouldBe([fixture.Staff.Id]);
    }

    [Fact]
    public async Task UpdateEvent_WhenThisAndFollowing_PublishesUpdatedHeadAndScheduledTail()
    {
        var id = await WeeklyAsync("Outbox split");
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 3, 15, 9)));

        var tailId = await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, At(2027, 3, 15, 9), EditScope.Following, details.ToDraft() with { Title = "Outbox split (later)" }));

        (await fixture.OutboxAsync<EventUpdatedIntegrationEvent>(id)).ShouldHaveSingleItem().Event.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270315T005959Z");
        var tail = (await fixture.OutboxAsync<EventScheduledIntegrationEvent>(tailId)).ShouldHaveSingleItem();
        tail.SplitFromEventId.ShouldBe(id);
        (tail.Event.Title, tail.Event.StartUtc, tail.Event.ParticipantIds.Single()).ShouldBe(("Outbox split (later)", At(2027, 3, 15, 9), fixture.Staff.Id));
    }

    [Fact]
    public async Task RespondToEvent_WhenAParticipantAnswers_PublishesTheirAnswer()
    {
        var id = await WeeklyAsync("Outbox answer");

        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Tentative));

        var answer = (await fixture.OutboxAsync<ParticipantRespondedIntegrationEvent>(id)).ShouldHaveSingleItem();
        answer.ShouldBe(new ParticipantRespondedIntegrationEvent(id, "Outbox answer", fixture.Manager.Id, fixture.Staff.Id, "Tentative", fixture.Clock.GetUtcNow())
        {
            EventId = answer.EventId,
            OccurredAt = fixture.Clock.GetUtcNow(),
        });
    }

    [Fact]
    public async Task RespondToEvent_WhenNotInvited_IsForbiddenAndPublishesNothing()
    {
        var id = await WeeklyAsync("Outbox gatecrash");

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Mediator.Unit>(fixture.OtherUnitStaff, new RespondToEvent(id, ParticipantResponse.Accepted)));

        (await fixture.OutboxTypesAsync(id)).ShouldBe(["EventScheduledIntegrationEvent"]);
    }
}
