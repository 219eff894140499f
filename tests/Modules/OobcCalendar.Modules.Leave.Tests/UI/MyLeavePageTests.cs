using Bunit;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Pages;
using OobcCalendar.Shared.LiveUpdates;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

public sealed class MyLeavePageTests : LeaveUiTestContext
{
    private static readonly Guid VacationId = Guid.NewGuid();
    private IReadOnlyList<LeaveBalance> balances = [new(VacationId, "VL", "Vacation leave", "#ef6c00", null, 15m, 2m, 13m)];
    private IReadOnlyList<MyLeaveRequest> requests = [];

    public MyLeavePageTests()
    {
        Mediator.Answer<GetMyBalances>(_ => balances);
        Mediator.Answer<ListMyLeaveRequests>(_ => requests);
        Mediator.Answer<OobcCalendar.Modules.Leave.Features.Approvers.GetSubstituteApprovers>(_ =>
            new OobcCalendar.Modules.Leave.Features.Approvers.SubstituteApprovers(MeId, "Me", 0, [], [], []));
    }

    [Fact]
    public void Render_WhenThereAreNoRequests_ThenBalancesShowAndTheEmptyStateOffersToRequestLeave()
    {
        var page = Render<MyLeavePage>();

        var balance = page.Find("[data-testid=leave-balance][data-type=VL]");
        balance.QuerySelector("[data-testid=leave-balance-available]")!.TextContent.ShouldBe("13");
        balance.TextContent.ShouldContain("2 pending");
        page.Markup.ShouldContain("No leave requests yet");
        page.Find("[data-testid=leave-empty-request]").GetAttribute("href").ShouldBe("/leave/request");
    }

    [Fact]
    public void Render_WhenARequestWasRejected_ThenItsReasonShows()
    {
        requests = [Request("Rejected", new DateOnly(2026, 12, 14), decisionReason: "Year-end closing: the whole unit is needed that week.")];

        var page = Render<MyLeavePage>();

        page.Find("[data-testid=leave-status]").TextContent.ShouldBe("Rejected");
        page.Find("[data-testid=leave-reject-reason]").TextContent.ShouldBe("Rejected: Year-end closing: the whole unit is needed that week.");
        page.FindAll("[data-testid=leave-cancel]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancel_WhenConfirmed_ThenTheRequestIsCancelledAndTheListReloads()
    {
        var pending = Request("Pending", new DateOnly(2026, 12, 21));
        requests = [pending];
        Mediator.Answer<CancelLeaveRequest>(c =>
        {
            requests = [pending with { Status = "Cancelled" }];
            return new LeaveCancellation(c.RequestId, 0m);
        });
        var page = Render<MyLeavePage>();

        // The click waits for the confirmation, so it is awaited after the answer.
        var click = page.Find("[data-testid=leave-cancel]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").ShouldContain(b => b.TextContent.Trim() == "Cancel request"));
        await Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Cancel request").ClickAsync(new());
        await click;

        Mediator.Sent.OfType<CancelLeaveRequest>().ShouldHaveSingleItem().RequestId.ShouldBe(pending.RequestId);
        page.WaitForAssertion(() => page.Find("[data-testid=leave-status]").TextContent.ShouldBe("Cancelled"));
        page.FindAll("[data-testid=leave-cancel]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_WhenApprovedLeaveHasStarted_ThenNoCancelButtonButAskTheApprover()
    {
        requests = [Request("Approved", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 9)), Request("Approved", new DateOnly(2026, 12, 21))];

        var page = Render<MyLeavePage>();

        var rows = page.FindAll("[data-testid=leave-row]");
        rows[0].QuerySelector("[data-testid=leave-started-note]")!.TextContent.ShouldBe(MyLeavePage.StartedText);
        rows[0].QuerySelector("[data-testid=leave-ask-cancel]").ShouldNotBeNull();
        rows[0].QuerySelector("[data-testid=leave-cancel]").ShouldBeNull();
        rows[1].QuerySelector("[data-testid=leave-cancel]").ShouldNotBeNull();
    }

    [Fact]
    public async Task AskToCancel_WhenGivenAReason_ThenTheAskIsSentAndTheRowSaysItWaits()
    {
        var started = Request("Approved", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 9));
        requests = [started];
        Mediator.Answer<AskToCancelLeave>(_ =>
        {
            requests = [started with { CancelAsk = "Asked" }];
            return global::Mediator.Unit.Value;
        });
        var page = Render<MyLeavePage>();

        var click = page.Find("[data-testid=leave-ask-cancel]").ClickAsync(new());
        Dialogs.WaitForElement("textarea").Input("Back early");
        await Dialogs.Find("[data-testid=confirm-ask-cancel]").ClickAsync(new());
        await click;

        Mediator.Sent.OfType<AskToCancelLeave>().ShouldHaveSingleItem().ShouldBe(new AskToCancelLeave(started.RequestId, "Back early"));
        page.WaitForAssertion(() => page.Find("[data-testid=leave-started-note]").TextContent.ShouldBe(MyLeavePage.AskedText));
        page.FindAll("[data-testid=leave-ask-cancel]").ShouldBeEmpty();
    }

    [Fact]
    public async Task LiveUpdate_WhenMyBalanceChanges_ThenTheNewFigureShowsWithoutReload()
    {
        var page = Render<MyLeavePage>();
        page.Find("[data-testid=leave-balance-available]").TextContent.ShouldBe("13");

        balances = [balances[0] with { Balance = 16.25m, Available = 14.25m }];
        await page.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(LeaveTopics.Balances, MeId.ToString(), "changed", [MeId]), CancellationToken.None));

        page.WaitForAssertion(() => page.Find("[data-testid=leave-balance-available]").TextContent.ShouldBe("14.25"));
    }

    private static MyLeaveRequest Request(string status, DateOnly first, DateOnly? last = null, string? decisionReason = null) =>
        new(Guid.NewGuid(), VacationId, "Vacation leave", "#ef6c00", first, last ?? first.AddDays(1), "Full", "Full", 2m, "Family trip", status, "Manager",
            null, null, decisionReason, DateTimeOffset.UtcNow);
}
