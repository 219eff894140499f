using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>The approver's leave list, with a fake mediator answering the Leave use cases it sends.</summary>
public sealed class LeaveApprovalsPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2027, 3, 8);
    private readonly InMemoryLiveUpdates live = new();
    private readonly FakeMediator mediator;
    private readonly List<LeaveToDecide> pending = [];
    private readonly List<PersonOut> away = [];

    public LeaveApprovalsPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<ILiveUpdates>(live);
        Services.AddSingleton<ICurrentUser>(new TestCurrentUser { UserId = Guid.NewGuid() });
        Services.AddSingleton(TimeProvider.System);
        (var proxy, mediator) = FakeMediator.Create();
        mediator.Answer<ListLeaveToDecide>(_ => (IReadOnlyList<LeaveToDecide>)[.. pending]);
        mediator.Answer<GetWhosOut>(_ => (IReadOnlyList<PersonOut>)[.. away]);
        Services.AddSingleton(proxy);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Render_WhenNothingPending_SaysNothingIsWaiting()
    {
        var panel = Render<LeaveApprovalsPanel>();

        panel.Markup.ShouldContain("Nothing waiting for you");
        panel.FindAll("[data-testid=leave-approval-row]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_WhenTwoPending_ShowsEachWithDaysBalanceAndWhoElseIsOut()
    {
        // As ListLeaveToDecide answers: 10 days of credits less the 3 this pending request already holds.
        var ana = Request("Ana Reyes", Monday, Monday.AddDays(2), 3m, available: 7m);
        pending.AddRange([ana, Request("Ben Cruz", Monday.AddDays(14), Monday.AddDays(14), 1m, available: null)]);
        away.Add(new PersonOut(Guid.NewGuid(), Guid.NewGuid(), "Carla Diaz", "Operations", Monday.AddDays(1), Monday.AddDays(1), "Full", "Full", "Out of office", null, "#ef6c00"));

        var panel = Render<LeaveApprovalsPanel>();

        var rows = panel.FindAll("[data-testid=leave-approval-row]");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Ana Reyes");
        rows[0].TextContent.ShouldContain("Vacation leave");
        rows[0].TextContent.ShouldContain("Mon 8 Mar 2027 – Wed 10 Mar 2027");
        rows[0].TextContent.ShouldContain("3 working days");
        rows[0].QuerySelector("[data-testid=leave-balance]")!.TextContent.ShouldBe("Balance 10 days, 7 after this");
        rows[0].QuerySelector("[data-testid=leave-conflicts]")!.TextContent.ShouldContain("Out then: Carla Diaz (Out of office");
        rows[1].QuerySelector("[data-testid=leave-balance]")!.TextContent.ShouldBe("No credits kept for this type");
        rows[1].QuerySelector("[data-testid=leave-no-conflicts]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Reject_WhenReasonIsEmpty_AsksForOneAndSendsNothing()
    {
        pending.Add(Request("Ana Reyes", Monday, Monday, 1m, available: 5m));
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<LeaveApprovalsPanel>();

        // The click waits for the dialog's answer, so it is not awaited here.
        var clicked = panel.Find("[data-testid=reject]").ClickAsync(new());
        await dialogs.WaitForElement("[data-testid=confirm-reject]").ClickAsync(new());

        clicked.IsCompleted.ShouldBeFalse("an empty reason must keep the dialog open");
        dialogs.Markup.ShouldContain("Give the requester a reason for the rejection.");
        mediator.Sent.OfType<RejectLeaveRequest>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Reject_WhenReasonGiven_SendsItAndTheRowGoes()
    {
        var ana = Request("Ana Reyes", Monday, Monday, 1m, available: 5m);
        pending.Add(ana);
        mediator.Answer<RejectLeaveRequest>(r =>
        {
            pending.Clear();
            return new LeaveDecision(r.RequestId, "Rejected", "First");
        });
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<LeaveApprovalsPanel>();

        var clicked = panel.Find("[data-testid=reject]").ClickAsync(new());
        dialogs.WaitForElement("textarea").Input("Audit week: everyone is needed.");
        await dialogs.Find("[data-testid=confirm-reject]").ClickAsync(new());
        await clicked;

        mediator.Sent.OfType<RejectLeaveRequest>().ShouldHaveSingleItem().ShouldBe(new RejectLeaveRequest(ana.RequestId, "Audit week: everyone is needed."));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=leave-approval-row]").ShouldBeEmpty());
    }

    [Fact]
    public async Task ApproveSelected_WhenTwoTicked_ApprovesBoth()
    {
        pending.AddRange([Request("Ana Reyes", Monday, Monday, 1m, 5m), Request("Ben Cruz", Monday.AddDays(7), Monday.AddDays(7), 1m, 5m)]);
        mediator.Answer<ApproveLeaveRequest>(c => new LeaveDecision(c.RequestId, "Approved", "First"));
        var panel = Render<LeaveApprovalsPanel>();

        // The bar's select-all is the first checkbox on the panel.
        await panel.FindAll("input[type=checkbox]")[0].ChangeAsync(new() { Value = true });
        await panel.Find("[data-testid=approve-selected]").ClickAsync(new());

        mediator.Sent.OfType<ApproveLeaveRequest>().Select(c => c.RequestId).ShouldBe(pending.Select(p => p.RequestId), ignoreOrder: true);
    }

    [Fact]
    public async Task Approve_WhenAnotherApproverDecidedFirst_TheRowGoesAndSaysWhy()
    {
        var ana = Request("Ana Reyes", Monday, Monday, 1m, available: 5m);
        pending.Add(ana);
        const string LostRace = "This request was already approved, so it cannot be approved.";
        mediator.Answer<ApproveLeaveRequest>(_ =>
        {
            pending.Clear();
            throw new ConflictException(LostRace);
        });
        var snackbars = Render<MudSnackbarProvider>();
        var panel = Render<LeaveApprovalsPanel>();

        await panel.Find("[data-testid=approve]").ClickAsync(new());

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=leave-approval-row]").ShouldBeEmpty());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain(LostRace));
    }

    [Fact]
    public async Task LiveUpdate_WhenAnotherApproverDecides_TheRowGoesWithAMessage()
    {
        pending.Add(Request("Ana Reyes", Monday, Monday, 1m, available: 5m));
        var snackbars = Render<MudSnackbarProvider>();
        var panel = Render<LeaveApprovalsPanel>();
        panel.FindAll("[data-testid=leave-approval-row]").Count.ShouldBe(1);

        pending.Clear();
        await panel.InvokeAsync(() => live.PublishAsync(new LiveUpdate(LeaveTopics.Requests, Kind: "approved"), CancellationToken.None));

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=leave-approval-row]").ShouldBeEmpty());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Ana Reyes's vacation leave request no longer waits for you"));
    }

    [Fact]
    public async Task LiveUpdate_WhenANewRequestIsFiled_ItAppears()
    {
        var panel = Render<LeaveApprovalsPanel>();
        panel.Markup.ShouldContain("Nothing waiting for you");

        pending.Add(Request("Ana Reyes", Monday, Monday, 1m, available: 5m));
        await panel.InvokeAsync(() => live.PublishAsync(new LiveUpdate(LeaveTopics.Requests, Kind: "requested"), CancellationToken.None));

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=leave-approval-row]").Count.ShouldBe(1));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously and xunit 2 disposes synchronously: dispose asynchronously first.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public void Render_WhenIDecideAsSubstitute_ThenTheRowSaysForWhom()
    {
        pending.Add(Request("Ana Reyes", Monday, Monday, 1m, available: 5m) with { StandingInFor = "Rashid Mangudadatu" });

        var panel = Render<LeaveApprovalsPanel>();

        panel.Find("[data-testid=leave-standing-in]").TextContent.ShouldBe("As substitute for Rashid Mangudadatu");
    }

    [Fact]
    public async Task ConfirmCancel_WhenThePersonAskedToCancel_ThenTheApproverCancelsIt()
    {
        var ask = Request("Ana Reyes", Monday, Monday.AddDays(4), 5m, available: 5m) with { CancelAskReason = "Back early" };
        pending.Add(ask);
        mediator.Answer<CancelLeaveRequest>(c =>
        {
            pending.Clear();
            return new LeaveCancellation(c.RequestId, 2m);
        });
        var panel = Render<LeaveApprovalsPanel>();
        panel.Find("[data-testid=leave-cancel-ask]").TextContent.ShouldContain("“Back early”");
        panel.FindAll("[data-testid=approve]").ShouldBeEmpty();
        panel.FindAll("[data-testid=select]").ShouldBeEmpty();

        await panel.Find("[data-testid=confirm-cancel]").ClickAsync(new());

        mediator.Sent.OfType<CancelLeaveRequest>().ShouldHaveSingleItem().RequestId.ShouldBe(ask.RequestId);
        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Nothing waiting for you"));
    }

    private static LeaveToDecide Request(string person, DateOnly first, DateOnly last, decimal days, decimal? available) =>
        new(Guid.NewGuid(), Guid.NewGuid(), person, "Vacation leave", first, last, "Full", "Full", days, "Family trip", "First", false, available,
            DateTimeOffset.UtcNow.AddHours(-2));
}
