using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>Decisions on Staff1's requests in May and June 2027 (Staff1 reports to the operations manager).</summary>
[Collection(LeaveCollection.Name)]
public sealed class DecideLeaveRequestTests(LeaveFixture fixture)
{
    [Fact]
    public async Task Approve_WhenByTheManager_BooksTheDaysTakenAndPublishesApproved()
    {
        await fixture.CreditAsync(fixture.Staff, VL, 3m);
        var receipt = await fixture.FileAsync(fixture.Staff, VL, D(5, 10), D(5, 11));
        var before = await fixture.AvailableAsync(fixture.Staff, VL);

        var decision = await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));

        decision.Status.ShouldBe("Approved");
        (await fixture.AvailableAsync(fixture.Staff, VL)).ShouldBe(before); // pending days became taken days
        var ledger = await fixture.SendAs<IReadOnlyList<LedgerLineView>>(fixture.Staff, new GetLedger());
        ledger.Single(l => l.RequestId == receipt.RequestId).ShouldSatisfyAllConditions(
            l => l.Kind.ShouldBe(nameof(LedgerEntryKind.Taken)),
            l => l.Days.ShouldBe(-2m));
        (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", receipt.RequestId)).ShouldBe(1);
    }

    [Fact]
    public async Task Approve_WhenByAManagerOfAnotherTeam_IsForbiddenAndChangesNothing()
    {
        var receipt = await fixture.FileAsync(fixture.Staff, LWOP, D(5, 20), D(5, 20)); // 17 May 2027 is Eid'l Adha

        var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId)));

        error.Message.ShouldBe("You do not approve Jamal Usman's leave.");
        await using var db = await fixture.DbAsync();
        (await db.Requests.SingleAsync(r => r.Id == receipt.RequestId)).Status.ToString().ShouldBe("Pending");
    }

    [Fact]
    public async Task Approve_WhenOwnRequest_IsForbiddenEvenForAdmin()
    {
        var receipt = await fixture.FileAsync(fixture.Admin, LWOP, D(5, 18), D(5, 18));

        var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveDecision>(fixture.Admin, new ApproveLeaveRequest(receipt.RequestId)));

        error.Message.ShouldBe("Nobody approves or rejects their own leave.");
    }

    [Fact]
    public async Task Submit_WhenThePersonHasNoManager_AdminsDecide()
    {
        var receipt = await fixture.FileAsync(fixture.Manager, LWOP, D(5, 19), D(5, 19));

        receipt.ApproverIds.ShouldBe([fixture.Admin.Id]);
        (await fixture.SendAs<LeaveDecision>(fixture.Admin, new ApproveLeaveRequest(receipt.RequestId))).Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task Approve_WhenTwoApproversDecideAtOnce_ExactlyOneWinsAndTheDaysAreTakenOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            var receipt = await fixture.FileAsync(fixture.Staff, LWOP, D(6, 1).AddDays(round * 7), D(6, 1).AddDays(round * 7));
            using var gate = new ManualResetEventSlim();
            var deciders = new[] { fixture.Manager, fixture.Admin }.Select(d => Task.Run(async () =>
            {
                gate.Wait();
                try
                {
                    await fixture.SendAs<LeaveDecision>(d, new ApproveLeaveRequest(receipt.RequestId));
                    return true;
                }
                catch (ConflictException)
                {
                    return false;
                }
            })).ToList();
            gate.Set();

            (await Task.WhenAll(deciders)).Count(won => won).ShouldBe(1, $"round {round}");
            (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", receipt.RequestId)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Approve_WhenVacationIsLongerThanTenDays_NeedsAdminAfterTheManager()
    {
        await fixture.CreditAsync(fixture.Staff, VL, 11m);
        var receipt = await fixture.FileAsync(fixture.Staff, VL, D(7, 5), D(7, 19)); // 11 working days

        var first = await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));
        (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", receipt.RequestId)).ShouldBe(0);
        var second = await fixture.SendAs<LeaveDecision>(fixture.Admin, new ApproveLeaveRequest(receipt.RequestId));

        first.ShouldBe(new LeaveDecision(receipt.RequestId, "Pending", "SecondLevel"));
        second.ShouldBe(new LeaveDecision(receipt.RequestId, "Approved", "Done"));
        (await fixture.OutboxCountAsync("LeaveApprovedIntegrationEvent", receipt.RequestId)).ShouldBe(1);
    }

    [Fact]
    public async Task Reject_WhenWithAReason_RecordsWhoAndWhyAndPublishesRejected()
    {
        var receipt = await fixture.FileAsync(fixture.Staff, LWOP, D(5, 24), D(5, 25));

        var decision = await fixture.SendAs<LeaveDecision>(fixture.Manager, new RejectLeaveRequest(receipt.RequestId, "Audit week"));

        decision.Status.ShouldBe("Rejected");
        await using var db = await fixture.DbAsync();
        var request = await db.Requests.SingleAsync(r => r.Id == receipt.RequestId);
        request.DecidedBy.ShouldBe(fixture.Manager.Id);
        request.DecisionReason.ShouldBe("Audit week");
        (await fixture.OutboxCountAsync("LeaveRejectedIntegrationEvent", receipt.RequestId)).ShouldBe(1);
    }

    [Fact]
    public async Task Reject_WhenNoReason_RefusesWithAClearMessage()
    {
        var receipt = await fixture.FileAsync(fixture.Staff, LWOP, D(5, 26), D(5, 26));

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<LeaveDecision>(fixture.Manager, new RejectLeaveRequest(receipt.RequestId, "")));

        error.Errors["Reason"].ShouldContain("Give the requester a reason for the rejection.");
    }

    [Fact]
    public async Task Cancel_WhenApprovedLeaveHasNotStarted_GivesTheDaysBackAndFreesThem()
    {
        await fixture.CreditAsync(fixture.Staff, VL, 2m);
        var receipt = await fixture.FileAsync(fixture.Staff, VL, D(8, 2), D(8, 3));
        await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));
        var before = await fixture.AvailableAsync(fixture.Staff, VL);

        var cancellation = await fixture.SendAs<LeaveCancellation>(fixture.Staff, new CancelLeaveRequest(receipt.RequestId));

        cancellation.DaysRestored.ShouldBe(2m);
        (await fixture.AvailableAsync(fixture.Staff, VL)).ShouldBe(before + 2m);
        (await fixture.OutboxCountAsync("LeaveCancelledIntegrationEvent", receipt.RequestId)).ShouldBe(1);
        (await fixture.FileAsync(fixture.Staff, VL, D(8, 2), D(8, 3))).Status.ShouldBe("Pending");
    }

    [Fact]
    public async Task Cancel_WhenSomeoneElsesRequest_IsForbidden()
    {
        var receipt = await fixture.FileAsync(fixture.Staff, LWOP, D(5, 31), D(5, 31));

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveCancellation>(fixture.StaffNo(2), new CancelLeaveRequest(receipt.RequestId)));
    }

    [Fact]
    public async Task AdjustBalance_WhenNotAdmin_IsForbidden() =>
        await Should.ThrowAsync<ForbiddenException>(async () =>
            await fixture.SendAs<Guid>(fixture.Manager, new AdjustBalance(fixture.Staff.Id, await fixture.TypeIdAsync(VL), 5m, "Gift")));

    [Fact]
    public async Task GetLedger_WhenAskingForSomeoneElse_IsForbiddenUnlessAdmin()
    {
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<IReadOnlyList<LedgerLineView>>(fixture.StaffNo(2), new GetLedger(fixture.Staff.Id)));

        (await fixture.SendAs<IReadOnlyList<LedgerLineView>>(fixture.Admin, new GetLedger(fixture.Staff.Id))).ShouldNotBeEmpty();
    }
}
