using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Approvers;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>
/// Substitute approvers, HR approvers and asks to cancel (ADR 0026), on requests in September 2027. Today is Monday
/// 1 March 2027. Each test ends the delegations and HR approvers it set, so the collection's other tests see the
/// usual approvers.
/// </summary>
[Collection(LeaveCollection.Name)]
public sealed class ApproversTests(LeaveFixture fixture)
{
    [Fact]
    public async Task Approve_WhenBySubstituteWithinTheDelegation_IsApprovedAndTheEventNamesTheSubstitute()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), LWOP, D(9, 13), D(9, 13));
        var delegation = await fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(3, 1), D(3, 5)));
        try
        {
            var list = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());
            list.Single(l => l.RequestId == receipt.RequestId).StandingInFor.ShouldBe(fixture.Manager.DisplayName);
            (await BadgeAsync(fixture.OtherManager)).ShouldBe(list.Count);
            (await CountAsync(fixture.OtherManager)).ShouldBe(list.Count, "the digest's count is the dashboard's");

            var decision = await fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId));

            decision.Status.ShouldBe("Approved");
            await using var db = await fixture.DbAsync();
            (await db.Requests.SingleAsync(r => r.Id == receipt.RequestId)).DecidedBy.ShouldBe(fixture.OtherManager.Id);
            (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", fixture.OtherManager.Id)).ShouldBeGreaterThan(0);
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Manager, new EndApprovalDelegation(delegation));
        }
    }

    [Fact]
    public async Task Approve_WhenTheDelegationStartsLater_TheSubstituteIsForbidden()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), LWOP, D(9, 14), D(9, 14));
        var delegation = await fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(3, 10), D(3, 20)));
        try
        {
            await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId)));

            var list = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());
            list.ShouldNotContain(l => l.RequestId == receipt.RequestId);
            (await BadgeAsync(fixture.OtherManager)).ShouldBe(list.Count);
            (await CountAsync(fixture.OtherManager)).ShouldBe(list.Count, "the digest's count is the dashboard's");
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Manager, new EndApprovalDelegation(delegation));
        }
    }

    [Fact]
    public async Task Approve_WhenTheDelegationWasEndedEarly_TheSubstituteIsForbidden()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), LWOP, D(9, 15), D(9, 15));
        var delegation = await fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(3, 1), D(3, 5)));

        await fixture.SendAs<Unit>(fixture.Manager, new EndApprovalDelegation(delegation));

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId)));
        await using var db = await fixture.DbAsync();
        (await db.Delegations.SingleAsync(d => d.Id == delegation)).EndedBy.ShouldBe(fixture.Manager.Id);
    }

    [Fact]
    public async Task SetApprovalDelegation_WhenItOverlapsALiveOne_IsRefusedAndChangesNothing()
    {
        var first = await fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(4, 1), D(4, 10)));
        try
        {
            var error = await Should.ThrowAsync<InputValidationException>(() =>
                fixture.SendAs<Guid>(fixture.Admin, new SetApprovalDelegation(fixture.Manager.Id, fixture.Admin.Id, D(4, 10), D(4, 20))));

            error.Errors["From"].Single().ShouldBe("Rashid Mangudadatu already has a substitute from Thu 1 Apr 2027 to Sat 10 Apr 2027: end that one first or choose other days.");
            await using var db = await fixture.DbAsync();
            (await db.Delegations.CountAsync(d => d.ManagerId == fixture.Manager.Id && d.EndedAt == null)).ShouldBe(1);
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Manager, new EndApprovalDelegation(first));
        }
    }

    [Theory]
    [InlineData("self")]
    [InlineData("staff")]
    [InlineData("order")]
    [InlineData("long")]
    public async Task SetApprovalDelegation_WhenInvalid_GivesAClearMessage(string what)
    {
        var (substitute, from, to, field, message) = what switch
        {
            "self" => (fixture.Manager.Id, D(4, 1), D(4, 2), "SubstituteId", "A manager cannot be their own substitute: choose someone else."),
            "staff" => (fixture.StaffNo(2).Id, D(4, 1), D(4, 2), "SubstituteId", "Choose an active Manager or Admin as substitute: only they reach the Approvals page."),
            "order" => (fixture.OtherManager.Id, D(4, 2), D(4, 1), "To", "The last day comes before the first day."),
            _ => (fixture.OtherManager.Id, D(4, 1), D(7, 1), "To", "A delegation lasts at most 90 days."),
        };

        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, substitute, from, to)));

        error.Errors[field].ShouldContain(message);
    }

    [Fact]
    public async Task SetApprovalDelegation_WhenAStaffMemberNamesOneForTheirManager_IsForbidden() =>
        await Should.ThrowAsync<ForbiddenException>(() =>
            fixture.SendAs<Guid>(fixture.StaffNo(2), new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(4, 1), D(4, 2))));

    [Fact]
    public async Task Approve_WhenAnHrApproverGivesTheSecondLevel_IsApprovedAndTheEventNamesThem()
    {
        await fixture.CreditAsync(fixture.StaffNo(2), VL, 20m);
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), VL, D(9, 20), D(10, 4)); // 11 working days: a second level
        await fixture.SendAs<Unit>(fixture.Admin, new AddHrApprover(fixture.OtherManager.Id));
        try
        {
            (await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId))).Stage.ShouldBe("SecondLevel");
            var list = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());
            list.Single(l => l.RequestId == receipt.RequestId).Stage.ShouldBe("SecondLevel");
            (await BadgeAsync(fixture.OtherManager)).ShouldBe(list.Count);
            (await CountAsync(fixture.OtherManager)).ShouldBe(list.Count, "the digest's count is the dashboard's");
            (await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Manager, new ListLeaveToDecide())).ShouldNotContain(l => l.RequestId == receipt.RequestId);

            var decision = await fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId));

            decision.ShouldBe(new LeaveDecision(receipt.RequestId, "Approved", "Done"));
            await using var db = await fixture.DbAsync();
            var request = await db.Requests.SingleAsync(r => r.Id == receipt.RequestId);
            (request.FirstApprovedBy, request.DecidedBy).ShouldBe((fixture.Manager.Id, fixture.OtherManager.Id));
            (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", fixture.OtherManager.Id)).ShouldBeGreaterThan(0);
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Admin, new RemoveHrApprover(fixture.OtherManager.Id));
        }
    }

    [Fact]
    public async Task Approve_WhenTheFirstLevelApproverIsAlsoHr_CannotGiveTheSecondLevel()
    {
        await fixture.CreditAsync(fixture.StaffNo(3), VL, 20m);
        var receipt = await fixture.FileAsync(fixture.StaffNo(3), VL, D(9, 20), D(10, 4));
        await fixture.SendAs<Unit>(fixture.Admin, new AddHrApprover(fixture.Manager.Id));
        try
        {
            await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));

            var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId)));
            error.Message.ShouldBe("You do not approve Tomas Reyes's leave.");
            (await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Manager, new ListLeaveToDecide())).ShouldNotContain(l => l.RequestId == receipt.RequestId);
            (await fixture.SendAs<LeaveDecision>(fixture.Admin, new ApproveLeaveRequest(receipt.RequestId))).Status.ShouldBe("Approved");
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Admin, new RemoveHrApprover(fixture.Manager.Id));
        }
    }

    [Fact]
    public async Task Approve_WhenTheSubstituteFilesTheirOwnLeave_NobodyApprovesTheirOwn()
    {
        var delegation = await fixture.SendAs<Guid>(fixture.Manager, new SetApprovalDelegation(fixture.Manager.Id, fixture.OtherManager.Id, D(3, 1), D(3, 5)));
        await fixture.SendAs<Unit>(fixture.Admin, new AddHrApprover(fixture.OtherManager.Id));
        try
        {
            // August: OverlapRaceTests files the programs manager's leave week by week from September 2027 on.
            var receipt = await fixture.FileAsync(fixture.OtherManager, LWOP, D(8, 18), D(8, 18));

            var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId)));
            error.Message.ShouldBe("Nobody approves or rejects their own leave.");
            (await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide())).ShouldNotContain(l => l.RequestId == receipt.RequestId);
        }
        finally
        {
            await fixture.SendAs<Unit>(fixture.Manager, new EndApprovalDelegation(delegation));
            await fixture.SendAs<Unit>(fixture.Admin, new RemoveHrApprover(fixture.OtherManager.Id));
        }
    }

    [Fact]
    public async Task AskToCancel_WhenLeaveIsUnderWay_TheApproverSeesTheAskAndConfirmsIt()
    {
        var person = fixture.StaffNo(4);
        var requestId = await ApprovedLeaveUnderWayAsync(person);

        await fixture.SendAs<Unit>(person, new AskToCancelLeave(requestId, "Back from the trip early"));

        var list = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());
        list.Single(l => l.RequestId == requestId).CancelAskReason.ShouldBe("Back from the trip early");
        (await BadgeAsync(fixture.OtherManager)).ShouldBe(list.Count);
        (await CountAsync(fixture.OtherManager)).ShouldBe(list.Count, "the digest's count is the dashboard's");
        (await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Manager, new ListLeaveToDecide())).ShouldNotContain(l => l.RequestId == requestId);
        var cancelled = await fixture.SendAs<LeaveCancellation>(fixture.OtherManager, new CancelLeaveRequest(requestId));

        cancelled.RequestId.ShouldBe(requestId);
        await using var db = await fixture.DbAsync();
        var request = await db.Requests.SingleAsync(r => r.Id == requestId);
        (request.Status, request.CancelledBy).ShouldBe((LeaveRequestStatus.Cancelled, fixture.OtherManager.Id));
        (await fixture.OutboxCountAsync("LeaveCancelledIntegrationEvent", requestId)).ShouldBe(1);
    }

    [Fact]
    public async Task DeclineLeaveCancel_WhenTheApproverDeclines_TheLeaveStandsAndTheAskLeavesTheList()
    {
        var person = fixture.StaffNo(5);
        var requestId = await ApprovedLeaveUnderWayAsync(person);
        await fixture.SendAs<Unit>(person, new AskToCancelLeave(requestId, "Plans changed"));

        await fixture.SendAs<Unit>(fixture.OtherManager, new DeclineLeaveCancel(requestId));

        (await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide())).ShouldNotContain(l => l.RequestId == requestId);
        await using var db = await fixture.DbAsync();
        var request = await db.Requests.SingleAsync(r => r.Id == requestId);
        (request.Status, request.CancelDeclinedBy).ShouldBe((LeaveRequestStatus.Approved, fixture.OtherManager.Id));
        await Should.ThrowAsync<ConflictException>(() => fixture.SendAs<Unit>(person, new AskToCancelLeave(requestId, "Again")));
    }

    // Leave's answer to the digest (a Contracts query, no one signed in).
    private Task<int> CountAsync(DirectoryUser user) =>
        fixture.WithServiceAsync<IMediator, int>(async mediator => await mediator.Send(new OobcCalendar.Modules.Leave.Contracts.CountLeaveAwaitingDecision(user.Id)));

    private Task<int> BadgeAsync(DirectoryUser user) =>
        fixture.WithServiceAsync<IEnumerable<INavBadgeSource>, int>(sources =>
            sources.Single(s => s.Key == PendingLeaveBadge.BadgeKey).CountAsync(TestUser(user), CancellationToken.None));

    private static OobcCalendar.Testing.TestCurrentUser TestUser(DirectoryUser user)
    {
        var current = new OobcCalendar.Testing.TestCurrentUser();
        current.ActAs(user.Id, [.. user.Roles]);
        return current;
    }

    // Leave that started last week cannot be filed today (notice), so it is arranged in the database as approved.
    private async Task<Guid> ApprovedLeaveUnderWayAsync(DirectoryUser person)
    {
        await using var db = await fixture.DbAsync();
        var lwop = await fixture.TypeIdAsync(LWOP);
        var request = LeaveRequest.Submit(Guid.NewGuid(), new LeaveApplication(person.Id, lwop, LeavePeriod.Create(D(2, 24), D(3, 3), DayPart.Full, DayPart.Full), 6m, "Trip", null, false), LeaveFixture.Now.AddDays(-10));
        request.Approve(fixture.OtherManager.Id, false, false, LeaveFixture.Now.AddDays(-9));
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
