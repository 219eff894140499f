using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

[Collection(SchedulingCollection.Name)]
public sealed class SeriesEditTests(SchedulingFixture fixture)
{
    private static readonly DateTimeOffset March = At(2027, 3, 1, 0);
    private static readonly DateTimeOffset April = At(2027, 4, 1, 0);

    private async Task<IReadOnlyList<FeedItem>> MineAsync(Guid eventId, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(from ?? March, to ?? April, CalendarScope.Mine)))
            .Where(i => i.EventId == eventId).ToList();

    private Task<Guid> WeeklyAsync(string title, string rule = "FREQ=WEEKLY;BYDAY=MO") =>
        fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), rule, title: title, participants: [fixture.Staff.Id])));

    [Fact]
    public async Task A_weekly_series_shows_every_Monday_of_the_month_to_organizer_and_participant()
    {
        var id = await WeeklyAsync("Weekly sync");

        var mine = await MineAsync(id);
        mine.Select(i => i.StartUtc).ShouldBe([At(2027, 3, 1, 9), At(2027, 3, 8, 9), At(2027, 3, 15, 9), At(2027, 3, 22, 9), At(2027, 3, 29, 9)]);
        mine.ShouldAllBe(i => i.Recurring && i.CanEdit);
        var participant = await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Staff, new GetCalendarFeed(March, April, CalendarScope.Mine));
        participant.Count(i => i.EventId == id).ShouldBe(5);
        participant.Where(i => i.EventId == id).ShouldAllBe(i => !i.CanEdit && i.MyResponse == ParticipantResponse.NeedsAction);
        var outsider = await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.OtherUnitStaff, new GetCalendarFeed(March, April, CalendarScope.Mine));
        outsider.ShouldNotContain(i => i.EventId == id);
        var everything = await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.OtherUnitStaff, new GetCalendarFeed(March, April, CalendarScope.All));
        everything.Count(i => i.EventId == id).ShouldBe(5);
    }

    [Fact]
    public async Task Moving_one_occurrence_changes_only_that_one_and_survives_a_series_rename()
    {
        var id = await WeeklyAsync("Retro");

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 9, 14), At(2027, 3, 9, 15), false));
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 3, 15, 9)));
        await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, At(2027, 3, 15, 9), EditScope.Series, details.ToDraft() with { Title = "Sprint retro" }));

        var mine = await MineAsync(id);
        mine.Select(i => i.StartUtc).ShouldBe([At(2027, 3, 1, 9), At(2027, 3, 9, 14), At(2027, 3, 15, 9), At(2027, 3, 22, 9), At(2027, 3, 29, 9)]);
        mine.ShouldAllBe(i => i.Title == "Sprint retro");
        mine.Single(i => i.Overridden).RecurrenceId.ShouldBe(At(2027, 3, 8, 9));
    }

    [Fact]
    public async Task Moving_the_whole_series_by_a_day_moves_weekdays_and_keeps_overrides_that_still_fit()
    {
        var id = await WeeklyAsync("Coaching");
        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 15, 9), EditScope.Occurrence, At(2027, 3, 15, 11), At(2027, 3, 15, 12), false));

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Series, At(2027, 3, 9, 10), At(2027, 3, 9, 11), false));

        var mine = await MineAsync(id);
        mine.Where(i => !i.Overridden).Select(i => i.StartUtc).ShouldBe([At(2027, 3, 2, 10), At(2027, 3, 9, 10), At(2027, 3, 23, 10), At(2027, 3, 30, 10)]);
        var moved = mine.Single(i => i.Overridden);
        moved.RecurrenceId.ShouldBe(At(2027, 3, 16, 10));
        moved.StartUtc.ShouldBe(At(2027, 3, 15, 11));
    }

    [Fact]
    public async Task This_and_following_splits_the_series_and_keeps_the_total_count()
    {
        var id = await WeeklyAsync("Course", "FREQ=WEEKLY;BYDAY=MO;COUNT=4");
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 3, 15, 9)));

        var tailId = await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, At(2027, 3, 15, 9), EditScope.Following, details.ToDraft() with
        {
            Title = "Course (new room)",
            Start = At(2027, 3, 15, 13),
            End = At(2027, 3, 15, 14),
        }));

        tailId.ShouldNotBe(id);
        var head = await MineAsync(id);
        head.Select(i => i.StartUtc).ShouldBe([At(2027, 3, 1, 9), At(2027, 3, 8, 9)]);
        var tail = await MineAsync(tailId);
        tail.Select(i => i.StartUtc).ShouldBe([At(2027, 3, 15, 13), At(2027, 3, 22, 13)]);
        tail.ShouldAllBe(i => i.Title == "Course (new room)");
        var tailDetails = await fixture.SendAs<EventDetails>(fixture.Staff, new GetEventDetails(tailId, null));
        tailDetails.Participants.Select(p => p.UserId).ShouldBe([fixture.Staff.Id]);
    }

    [Fact]
    public async Task Deleting_one_occurrence_and_then_this_and_following_leaves_the_earlier_ones()
    {
        var id = await WeeklyAsync("Clinic");

        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 22, 9), EditScope.Following));

        (await MineAsync(id)).Select(i => i.StartUtc).ShouldBe([At(2027, 3, 1, 9), At(2027, 3, 15, 9)]);
        (await MineAsync(id, April, At(2027, 12, 1, 0))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_a_series_keeps_it_visible_as_cancelled_and_read_only()
    {
        var id = await WeeklyAsync("Cancelled club");

        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, null, EditScope.Series));

        var mine = await MineAsync(id);
        mine.Count.ShouldBe(5);
        mine.ShouldAllBe(i => i.Cancelled);
        await Should.ThrowAsync<BusinessRuleException>(() =>
            fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 8, 10), At(2027, 3, 8, 11), false)));
    }

    [Fact]
    public async Task Only_the_organizer_or_an_admin_may_change_an_event()
    {
        var id = await WeeklyAsync("Owned");

        await Should.ThrowAsync<ForbiddenException>(() =>
            fixture.SendAs<Guid>(fixture.Staff, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 8, 10), At(2027, 3, 8, 11), false)));
        await fixture.SendAs<Guid>(fixture.Admin, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 8, 10), At(2027, 3, 8, 11), false));
        (await MineAsync(id)).ShouldContain(i => i.StartUtc == At(2027, 3, 8, 10));
    }

    [Fact]
    public async Task An_absurd_rule_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=MINUTELY", title: "Absurd"))));
        error.Errors["Recurrence"].Single().ShouldContain("more than");
        var none = await fixture.SendAs<InputValidationException>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", title: "Never")))
            .ContinueWith(t => (InputValidationException)t.Exception!.InnerException!, TaskScheduler.Default);
        none.Errors["Recurrence"].Single().ShouldContain("no occurrences");
        var feed = await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(March, April, CalendarScope.Mine));
        feed.ShouldNotContain(i => i.Title == "Absurd" || i.Title == "Never");
    }

    [Fact]
    public async Task Occurrences_beyond_the_index_horizon_are_expanded_on_demand()
    {
        var id = await WeeklyAsync("Far future");

        var far = await MineAsync(id, At(2029, 1, 1, 0), At(2029, 2, 1, 0));

        far.Select(i => i.StartUtc).ShouldBe([At(2029, 1, 1, 9), At(2029, 1, 8, 9), At(2029, 1, 15, 9), At(2029, 1, 22, 9), At(2029, 1, 29, 9)]);
    }

    [Fact]
    public async Task Busy_participants_are_named_unless_they_declined()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 5, 3, 10), 60, "Busy maker", [fixture.Staff.Id, fixture.Staff2.Id])));
        await fixture.SendAs<Mediator.Unit>(fixture.Staff2, new RespondToEvent(id, ParticipantResponse.Declined));

        var busy = await fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Admin, new FindBusyParticipants([fixture.Staff.Id, fixture.Staff2.Id], At(2027, 5, 3, 10, 30), At(2027, 5, 3, 11, 30), null));

        busy.Select(b => b.UserId).ShouldBe([fixture.Staff.Id]);
        (await fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Admin, new FindBusyParticipants([fixture.Staff.Id], At(2027, 5, 3, 10, 30), At(2027, 5, 3, 11, 30), id))).ShouldBeEmpty();
    }
}
