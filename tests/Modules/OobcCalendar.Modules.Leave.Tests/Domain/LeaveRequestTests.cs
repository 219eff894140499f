using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Domain.Make;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class LeaveRequestTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = D(2027, 3, 1);

    private static LeaveRequest Request(bool secondLevel = false, DateOnly? first = null) =>
        LeaveRequest.Submit(Guid.NewGuid(), new LeaveApplication(Person, Guid.NewGuid(), Days(first ?? D(2027, 3, 10), (first ?? D(2027, 3, 10)).AddDays(1)), 2m, " Family trip ", null, secondLevel), Now);

    [Fact]
    public void Submit_WhenFiled_IsPendingWithTheManagerAndHoldsItsDays()
    {
        var request = Request();

        request.Status.ShouldBe(LeaveRequestStatus.Pending);
        request.Stage.ShouldBe(ApprovalStage.Manager);
        request.HoldsDays.ShouldBeTrue();
        request.Reason.ShouldBe("Family trip");
    }

    [Fact]
    public void Approve_WhenByTheManager_IsApprovedAndRecordsWhoAndWhen()
    {
        var request = Request();

        request.Approve(Manager, false, false, Now.AddHours(1)).ShouldBeTrue();

        request.Status.ShouldBe(LeaveRequestStatus.Approved);
        request.DecidedBy.ShouldBe(Manager);
        request.DecidedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Approve_WhenASecondLevelIsNeeded_TheManagersApprovalPassesItOn()
    {
        var request = Request(secondLevel: true);

        request.Approve(Manager, false, false, Now).ShouldBeFalse();
        request.Status.ShouldBe(LeaveRequestStatus.Pending);
        request.Stage.ShouldBe(ApprovalStage.SecondLevel);
        Should.Throw<ForbiddenException>(() => request.Approve(Manager, false, false, Now));

        request.Approve(Admin, true, false, Now).ShouldBeTrue();
        request.FirstApprovedBy.ShouldBe(Manager);
        request.DecidedBy.ShouldBe(Admin);
    }

    [Fact]
    public void Approve_WhenOwnRequest_IsForbidden() =>
        Should.Throw<ForbiddenException>(() => Request().Approve(Person, true, false, Now)).Message.ShouldBe("Nobody approves or rejects their own leave.");

    [Fact]
    public void Approve_WhenAlreadyRejected_IsAConflict()
    {
        var request = Request();
        request.Reject(Manager, "Peak season", Now);

        Should.Throw<ConflictException>(() => request.Approve(Manager, false, false, Now)).Message.ShouldContain("already rejected");
    }

    [Fact]
    public void Reject_WhenNoReason_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Request().Reject(Manager, " ", Now));

    [Fact]
    public void Cancel_WhenPendingByTheRequester_FreesTheDays()
    {
        var request = Request();

        request.Cancel(Person, false, Today, Now);

        request.Status.ShouldBe(LeaveRequestStatus.Cancelled);
        request.HoldsDays.ShouldBeFalse();
        request.CancelledBy.ShouldBe(Person);
    }

    [Fact]
    public void Cancel_WhenApprovedLeaveHasStarted_TheRequesterMustAskTheApprover()
    {
        var request = Request(first: D(2027, 3, 1));
        request.Approve(Manager, false, false, Now);

        Should.Throw<BusinessRuleException>(() => request.Cancel(Person, false, Today, Now)).Message.ShouldContain("Ask to cancel");
        request.Cancel(Manager, true, Today, Now);
        request.Status.ShouldBe(LeaveRequestStatus.Cancelled);
    }

    [Fact]
    public void Approve_WhenAnHrApproverGaveTheFirstLevel_CannotGiveTheSecond()
    {
        var hr = Guid.NewGuid();
        var request = Request(secondLevel: true);

        request.Approve(hr, false, true, Now).ShouldBeFalse();

        Should.Throw<ForbiddenException>(() => request.Approve(hr, false, true, Now)).Message.ShouldContain("another HR approver or Admin");
        request.Approve(Guid.NewGuid(), false, true, Now).ShouldBeTrue();
        request.FirstApprovedBy.ShouldBe(hr);
    }

    [Fact]
    public void AskToCancel_WhenLeaveIsUnderWay_RecordsTheAskUntilTheApproverDeclines()
    {
        var request = Request(first: D(2027, 2, 28));
        request.Approve(Manager, false, false, Now);

        request.AskToCancel(Person, " Back early ", Today, Now);

        request.CancelAskOpen.ShouldBeTrue();
        request.CancelAskReason.ShouldBe("Back early");
        request.DeclineCancel(Manager, Now.AddHours(1));
        request.CancelAskOpen.ShouldBeFalse();
        request.CancelDeclinedBy.ShouldBe(Manager);
        Should.Throw<ConflictException>(() => request.AskToCancel(Person, "Again", Today, Now)).Message.ShouldContain("declined");
    }

    [Fact]
    public void AskToCancel_WhenLeaveHasNotStarted_RefusesSinceThePersonCancelsItThemselves()
    {
        var request = Request();
        request.Approve(Manager, false, false, Now);

        Should.Throw<BusinessRuleException>(() => request.AskToCancel(Person, "Plans changed", Today, Now));
    }

    [Fact]
    public void Cancel_WhenBySomeoneElse_IsForbidden() =>
        Should.Throw<ForbiddenException>(() => Request().Cancel(Guid.NewGuid(), false, Today, Now));

    [Fact]
    public void Change_WhenTheCodeChanges_Refuses()
    {
        var type = Type(CivilServiceLeaveTypes.Vacation);

        Should.Throw<BusinessRuleException>(() => type.Change(type.Settings with { Code = "XX" }, true));
    }
}
