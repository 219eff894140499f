using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

[Collection(AttendanceCollection.Name)]
public sealed class CheckInTests(AttendanceFixture fixture)
{
    private readonly AttendanceScenario scenario = new(fixture);

    [Fact]
    public async Task CheckInAttendee_WhenScannedTwice_ThenSecondAnswersAlreadyCheckedInWithFirstTimeAndDesk()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var ticket = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, staff.Id));

        var first = await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, ticket.Token, null, "desk 1"));
        var second = await fixture.SendAs<CheckInResult>(fixture.Desk2, new CheckInAttendee(listId, ticket.Token, null, "desk 2"));

        first.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        first.Name.ShouldBe(staff.DisplayName);
        second.Outcome.ShouldBe(CheckInOutcome.AlreadyCheckedIn);
        second.CheckInId.ShouldBe(first.CheckInId);
        second.Message.ShouldBe("Already checked in at 8:45 AM (desk 1).");
        (await CheckInRowsAsync(listId)).ShouldBe(1);
    }

    [Fact]
    public async Task CheckInAttendee_WhenPickedByNameAfterTicketScan_ThenStillOneCheckIn()
    {
        var staff = fixture.StaffNo(2);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "desk 1"));

        var again = await fixture.SendAs<CheckInResult>(fixture.Organizer, new CheckInAttendee(listId, null, staff.Id, "organizer"));

        again.Outcome.ShouldBe(CheckInOutcome.AlreadyCheckedIn);
        (await CheckInRowsAsync(listId)).ShouldBe(1);
    }

    [Fact]
    public async Task CheckInAttendee_WhenStaffChecksSomeoneElseIn_ThenForbiddenAndNothingRecorded()
    {
        var staff = fixture.StaffNo(1);
        var other = fixture.StaffNo(2);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff, other));

        var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CheckInResult>(staff, new CheckInAttendee(listId, null, other.Id, "my phone")));

        error.Message.ShouldBe("Only a check-in desk, the event's organizer or an admin can check people in.");
        (await CheckInRowsAsync(listId)).ShouldBe(0);
    }

    [Fact]
    public async Task CheckInAttendee_WhenTokenForged_ThenRefusedAndNothingRecorded()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var real = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, staff.Id));
        var forged = real.Token[..^1] + (real.Token[^1] == 'A' ? 'B' : 'A');

        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, forged, null, "desk 1")));

        error.Message.ShouldBe("This code is not a valid ticket.");
        (await CheckInRowsAsync(listId)).ShouldBe(0);
    }

    [Fact]
    public async Task CheckInAttendee_WhenTicketIsForAnotherEvent_ThenRefusedNamingItAndNothingRecorded()
    {
        var staff = fixture.StaffNo(1);
        var here = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var elsewhereEvent = await scenario.EventTodayAsync(staff);
        var elsewhere = await scenario.OpenAsync(elsewhereEvent);
        var ticket = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(elsewhere, staff.Id));

        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(here, ticket.Token, null, "desk 1")));

        error.Message.ShouldBe("This ticket is for another event (\"Consultation\"), not this one.");
        (await CheckInRowsAsync(here)).ShouldBe(0);
        (await CheckInRowsAsync(elsewhere)).ShouldBe(0);
    }

    [Fact]
    public async Task CheckInAttendee_WhenEventAlreadyEnded_ThenTicketExpiredAndNothingRecorded()
    {
        var staff = fixture.StaffNo(1);
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [staff.Id], AttendanceScenario.Today(6), TimeSpan.FromHours(2));
        await fixture.DeliverAsync(new Scheduling.Contracts.EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = AttendanceFixture.Now.AddHours(-4) });
        var listId = await scenario.OpenAsync(snapshot);
        var ticket = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, staff.Id));

        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, ticket.Token, null, "desk 1")));

        error.Message.ShouldBe("This event ended at 8:00 AM; check-in is over.");
        (await CheckInRowsAsync(listId)).ShouldBe(0);
    }

    [Fact]
    public async Task CheckInAttendee_WhenBeforeCheckInOpens_ThenRefusedWithOpeningTime()
    {
        var staff = fixture.StaffNo(1);
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [staff.Id], AttendanceScenario.Today(14), TimeSpan.FromHours(1));
        await fixture.DeliverAsync(new Scheduling.Contracts.EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = AttendanceFixture.Now.AddHours(-1) });
        var listId = await scenario.OpenAsync(snapshot);

        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "desk 1")));

        error.Message.ShouldBe("Check-in opens at 1:30 PM on Mon 5 Apr.");
    }

    [Fact]
    public async Task CheckInAttendee_WhenOfflineScanUploadedLater_ThenArrivalIsTheScanTime()
    {
        var staff = fixture.StaffNo(3);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var scannedAt = AttendanceFixture.Now.AddMinutes(-10);

        var result = await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "tablet", scannedAt));

        result.CheckedInAt.ShouldBe(scannedAt);
        result.Message.ShouldBe($"{staff.DisplayName} checked in at 8:35 AM (tablet).");
    }

    [Fact]
    public async Task UndoCheckIn_WhenUndone_ThenRecordedAndPersonCanBeCheckedInAgain()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var first = await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "desk 1"));

        await fixture.SendAs<Mediator.Unit>(fixture.Desk1, new UndoCheckIn(first.CheckInId));
        var again = await fixture.SendAs<CheckInResult>(fixture.Desk2, new CheckInAttendee(listId, null, staff.Id, "desk 2"));

        again.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        var undo = await WithDbAsync(db => db.CheckInUndos.SingleAsync(u => u.ListId == listId));
        undo.CheckInId.ShouldBe(first.CheckInId);
        undo.UndoneBy.ShouldBe(fixture.Desk1.Id);
        undo.Desk.ShouldBe("desk 1");
        await Should.ThrowAsync<NotFoundException>(() => fixture.SendAs<Mediator.Unit>(fixture.Desk1, new UndoCheckIn(first.CheckInId)));
    }

    [Fact]
    public async Task CheckOutAttendee_WhenRecorded_ThenKeepsFirstTime_AndRefusedWhereCheckOutIsOff()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var checkIn = await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, staff.Id, "desk 1"));

        var left = await fixture.SendAs<DateTimeOffset>(fixture.Desk1, new CheckOutAttendee(checkIn.CheckInId));

        left.ShouldBe(AttendanceFixture.Now);
        var noCheckOut = await scenario.OpenAsync(await scenario.EventTodayAsync(staff), checkOut: false);
        var other = await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(noCheckOut, null, staff.Id, "desk 1"));
        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<DateTimeOffset>(fixture.Desk1, new CheckOutAttendee(other.CheckInId)));
        error.Message.ShouldBe("This event does not record check-outs.");
    }

    [Fact]
    public async Task AddWalkIn_WhenAllowed_ThenCountedAsWalkIn_AndRefusedWhenNotAllowed()
    {
        var staff = fixture.StaffNo(1);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));

        var result = await fixture.SendAs<CheckInResult>(fixture.Desk1, new AddWalkIn(listId, "Amina Usman", "Barangay Poblacion", "0917 000 0000", "desk 1"));

        result.Outcome.ShouldBe(CheckInOutcome.CheckedIn);
        result.WalkInId.ShouldNotBeNull();
        var view = await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(listId));
        view.Counts.ShouldBe(new AttendanceCounts(2, 0, 0, 1));
        view.LastScans.ShouldHaveSingleItem().Organisation.ShouldBe("Barangay Poblacion");

        var closedToWalkIns = await scenario.OpenAsync(await scenario.EventTodayAsync(staff), walkIns: false);
        var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new AddWalkIn(closedToWalkIns, "Amina Usman", "Barangay Poblacion", null, "desk 1")));
        error.Message.ShouldBe("Walk-ins are not allowed for this event.");
        var stranger = fixture.StaffNo(5);
        var notListed = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(closedToWalkIns, null, stranger.Id, "desk 1")));
        notListed.Message.ShouldBe($"{stranger.DisplayName} is not on this event's list, and walk-ins are not allowed.");
        (await CheckInRowsAsync(closedToWalkIns)).ShouldBe(0);
    }

    [Fact]
    public async Task AddWalkIn_WhenNameMissing_ThenClearMessageAndNothingRecorded()
    {
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(fixture.StaffNo(1)));

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<CheckInResult>(fixture.Desk1, new AddWalkIn(listId, " ", "", null, "desk 1")));

        error.Message.ShouldBe("Enter the person's name. Enter their organisation or community.");
        (await CheckInRowsAsync(listId)).ShouldBe(0);
    }

    private Task<int> CheckInRowsAsync(Guid listId) => WithDbAsync(db => db.CheckIns.CountAsync(c => c.ListId == listId));

    private Task<T> WithDbAsync<T>(Func<AttendanceDbContext, Task<T>> read) =>
        fixture.WithServiceAsync<IDbContextFactory<AttendanceDbContext>, T>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await read(db);
        });
}
