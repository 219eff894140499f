using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Door;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

[Collection(AttendanceCollection.Name)]
public sealed class DoorAndSeriesTests(AttendanceFixture fixture)
{
    private readonly AttendanceScenario scenario = new(fixture);

    [Fact]
    public async Task CheckInAtDoor_WhenCodeIsCurrentOrPrevious_ThenChecksInButRotatedAndForgedAreRefused()
    {
        var staff = fixture.StaffNo(1);
        var other = fixture.StaffNo(2);
        var third = fixture.StaffNo(3);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff, other, third));
        var list = await WithDbAsync(db => db.Lists.SingleAsync(l => l.Id == listId));
        var slot = DoorCodes.SlotAt(AttendanceFixture.Now);
        var shown = await fixture.SendAs<DoorCode>(fixture.Desk1, new GetDoorCode(listId));

        var now = await fixture.SendAs<CheckInResult>(staff, new CheckInAtDoor(listId, shown.Code));
        var previous = await fixture.SendAs<CheckInResult>(other, new CheckInAtDoor(listId, CodeAt(list, slot - 1)));
        var rotated = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(third, new CheckInAtDoor(listId, CodeAt(list, slot - 2))));
        var forged = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(third, new CheckInAtDoor(listId, $"D1.{slot}.AAAAAAAAAAAAAAAAAAAAAA")));

        now.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        now.Desk.ShouldBe("door");
        previous.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        rotated.Message.ShouldBe("This check-in code has expired (it changes every few minutes). Scan the code shown at the door again.");
        forged.Message.ShouldBe("This check-in code is not valid for this event. Scan the code shown at the door.");
        (await WithDbAsync(db => db.CheckIns.CountAsync(c => c.ListId == listId))).ShouldBe(2);
    }

    [Fact]
    public async Task CheckInAtDoor_WhenCodeOfAnotherList_ThenRefused()
    {
        var staff = fixture.StaffNo(1);
        var here = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var there = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var otherCode = await fixture.SendAs<DoorCode>(fixture.Desk1, new GetDoorCode(there));

        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(staff, new CheckInAtDoor(here, otherCode.Code)));

        error.Message.ShouldBe("This check-in code is not valid for this event. Scan the code shown at the door.");
    }

    [Fact]
    public async Task RegisterGuestAtDoor_WhenWalkInsAllowed_ThenGuestIsAWalkIn_AndSelfCheckInOffRefusesEveryone()
    {
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(fixture.StaffNo(1)));
        var code = await fixture.SendAs<DoorCode>(fixture.Desk1, new GetDoorCode(listId));

        var guest = await fixture.SendAs<CheckInResult>(fixture.Desk1, new RegisterGuestAtDoor(listId, code.Code, "Datu Piang", "Municipality of Datu Piang", null));

        guest.WalkInId.ShouldNotBeNull();
        var off = await scenario.OpenAsync(await scenario.EventTodayAsync(fixture.StaffNo(1)), selfCheckIn: false);
        var offCode = await fixture.SendAs<DoorCode>(fixture.Desk1, new GetDoorCode(off));
        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.StaffNo(1), new CheckInAtDoor(off, offCode.Code)));
        error.Message.ShouldBe("Self check-in is off for this event: please go to the check-in desk.");
    }

    [Fact]
    public async Task OpenAttendance_WhenSeriesOccurrences_ThenEachHasItsOwnList_AndMovedOrCancelledOnesAreKnown()
    {
        var staff = fixture.StaffNo(1);
        var start = AttendanceScenario.Today(9);
        var series = AttendanceScenario.Snapshot(fixture.Organizer.Id, [staff.Id], start, TimeSpan.FromHours(1), "FREQ=DAILY;COUNT=5", "Daily stand-up");
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(series, null) { OccurredAt = AttendanceFixture.Now.AddDays(-1) });

        var today = await scenario.OpenAsync(series, start);
        var tomorrow = await scenario.OpenAsync(series, start.AddDays(1));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(today, null, staff.Id, "desk 1"));

        today.ShouldNotBe(tomorrow);
        (await scenario.OpenAsync(series, start)).ShouldBe(today, "opening again changes the same list");
        (await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(tomorrow))).Counts.ExpectedCheckedIn.ShouldBe(0);
        var offRule = await Should.ThrowAsync<NotFoundException>(() => scenario.OpenAsync(series, start.AddHours(3)));
        offRule.Message.ShouldBe("That event (or occurrence) is not in the calendar any more, or was cancelled.");

        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(series, start.AddDays(2), start.AddDays(2), start.AddDays(2).AddHours(1), start.AddDays(2).AddHours(5), start.AddDays(2).AddHours(6)) { OccurredAt = AttendanceFixture.Now });
        var moved = await scenario.OpenAsync(series, start.AddDays(2));
        (await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(moved))).StartUtc.ShouldBe(start.AddDays(2).AddHours(5));

        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(series, start.AddDays(3), null) { OccurredAt = AttendanceFixture.Now });
        await Should.ThrowAsync<NotFoundException>(() => scenario.OpenAsync(series, start.AddDays(3)));
    }

    [Fact]
    public async Task CheckIn_WhenParticipantsChangeAfterCheckInOpened_ThenExpectedFollowsAndRemovedPersonsTicketIsRefused()
    {
        var staying = fixture.StaffNo(1);
        var leaving = fixture.StaffNo(2);
        var joining = fixture.StaffNo(3);
        var snapshot = await scenario.EventTodayAsync(staying, leaving);
        var listId = await scenario.OpenAsync(snapshot);
        var ticket = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, leaving.Id));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staying.Id, "desk 1"));

        var changed = snapshot with { ParticipantIds = [staying.Id, joining.Id] };
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(changed, null, [joining.Id], [leaving.Id]) { OccurredAt = AttendanceFixture.Now });
        // A retried older snapshot must not bring the removed participant back.
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(snapshot, null, [], []) { OccurredAt = AttendanceFixture.Now.AddMinutes(-30) });

        var view = await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(listId));
        view.People.Select(p => p.PersonId).ShouldBe(new[] { staying.Id, joining.Id, fixture.Organizer.Id }, ignoreOrder: true);
        view.Counts.ShouldBe(new AttendanceCounts(3, 1, 0, 0));
        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, ticket.Token, null, "desk 1")));
        error.Message.ShouldBe($"{leaving.DisplayName} is no longer on this event's list; the ticket does not admit them.");
    }

    [Fact]
    public async Task CloseAttendance_WhenClosed_ThenPublishesCountsAndRefusesFurtherCheckIns()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff, fixture.StaffNo(2)));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "desk 1"));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new AddWalkIn(listId, "Guest", "NGO", null, "desk 1"));

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Mediator.Unit>(fixture.Desk1, new CloseAttendance(listId)));
        await fixture.SendAs<Mediator.Unit>(fixture.Organizer, new CloseAttendance(listId));

        var payloads = await WithDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("AttendanceClosed")).Select(m => m.Payload).ToListAsync());
        var closed = payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<AttendanceClosedIntegrationEvent>(p, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!).Where(e => e.ListId == listId).ShouldHaveSingleItem();
        (closed.Expected, closed.ExpectedCheckedIn, closed.OthersCheckedIn, closed.WalkIns).ShouldBe((3, 1, 0, 1));
        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, fixture.StaffNo(2).Id, "desk 1")));
        error.Message.ShouldBe("Attendance for this event is closed.");
    }

    private static string CodeAt(AttendanceList list, long slot) =>
        DoorCodes.Current(list, DateTimeOffset.FromUnixTimeSeconds(slot * (long)DoorCodes.SlotLength.TotalSeconds));

    private Task<T> WithDbAsync<T>(Func<AttendanceDbContext, Task<T>> read) =>
        fixture.WithServiceAsync<Microsoft.EntityFrameworkCore.IDbContextFactory<AttendanceDbContext>, T>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await read(db);
        });
}
