using Bunit;
using MudBlazor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Pages;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

public sealed class RequestLeavePageTests : LeaveUiTestContext
{
    private static readonly LeaveTypeItem Vacation = new(Guid.NewGuid(), CivilServiceLeaveTypes.All.Single(t => t.Code == CivilServiceLeaveTypes.Vacation), true, 1);
    private static readonly LeaveTypeItem Sick = new(Guid.NewGuid(), CivilServiceLeaveTypes.All.Single(t => t.Code == CivilServiceLeaveTypes.Sick), true, 2);

    public RequestLeavePageTests() => Mediator.Answer<ListLeaveTypes>(_ => (IReadOnlyList<LeaveTypeItem>)[Vacation, Sick]);

    [Fact]
    public async Task Preview_WhenARuleIsBroken_ThenItsMessageShowsAndSendingIsDisabled()
    {
        const string notice = "Vacation leave needs 5 working days' notice: the earliest first day you can ask for now is Tue 15 Dec 2026.";
        Mediator.Answer<PreviewLeaveRequest>(q => Preview(q, 2m, 15m, [new LeaveProblem("FirstDay", notice)]));
        var page = Render<RequestLeavePage>();

        await FillAsync(page, Vacation, new DateTime(2026, 12, 8), new DateTime(2026, 12, 9), "Family trip");

        page.WaitForAssertion(() => page.Find("[data-testid=leave-preview-problem]").TextContent.ShouldBe(notice));
        page.Find("[data-testid=leave-preview-days]").TextContent.ShouldBe("2 days");
        page.Find("[data-testid=leave-preview-after]").TextContent.ShouldBe("13 days");
        page.Find("button[data-testid=leave-submit]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=leave-submit-blocked]").TextContent.ShouldBe("Fix what the preview lists before sending.");
        Mediator.Sent.OfType<SubmitLeaveRequest>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Preview_WhenTheDaysChange_ThenItAsksAgainForTheNewDaysAndShowsHolidaysAndOverlaps()
    {
        var overlap = new LeaveOverlap(Guid.NewGuid(), "Sick leave", new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 23), "Pending");
        Mediator.Answer<PreviewLeaveRequest>(q => Preview(q, 3m, 15m, [], ["Christmas Day (Fri 25 Dec)"], [overlap]));
        var page = Render<RequestLeavePage>();

        await FillAsync(page, Vacation, new DateTime(2026, 12, 21), new DateTime(2026, 12, 28), null);

        page.WaitForAssertion(() => page.Find("[data-testid=leave-preview-holidays]").TextContent.ShouldContain("Christmas Day (Fri 25 Dec)"));
        page.Find("[data-testid=leave-preview-overlap]").TextContent.ShouldContain("Sick leave, Wed 23 Dec 2026 (pending)");
        var last = Mediator.Sent.OfType<PreviewLeaveRequest>().Last();
        (last.FirstDay, last.LastDay, last.LeaveTypeId).ShouldBe((new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 28), Vacation.Id));
        // No rule broken, but no reason yet: still not sendable, and it says why.
        page.Find("[data-testid=leave-submit-blocked]").TextContent.ShouldBe("Give a reason for the leave.");
    }

    [Fact]
    public async Task Submit_WhenNoRuleIsBroken_ThenTheRequestIsSentAndMyLeaveOpensWithIt()
    {
        var requestId = Guid.NewGuid();
        Mediator.Answer<PreviewLeaveRequest>(q => Preview(q, 2m, 15m, []));
        Mediator.Answer<SubmitLeaveRequest>(_ => new LeaveRequestReceipt(requestId, 2m, "Pending", [Guid.NewGuid()]));
        var page = Render<RequestLeavePage>();

        await FillAsync(page, Vacation, new DateTime(2026, 12, 21), new DateTime(2026, 12, 22), "Family trip");
        page.WaitForAssertion(() => page.Find("button[data-testid=leave-submit]").HasAttribute("disabled").ShouldBeFalse());
        await page.Find("button[data-testid=leave-submit]").ClickAsync(new());

        var sent = Mediator.Sent.OfType<SubmitLeaveRequest>().ShouldHaveSingleItem();
        (sent.LeaveTypeId, sent.FirstDay, sent.LastDay, sent.Reason).ShouldBe((Vacation.Id, new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 22), "Family trip"));
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/leave?filed={requestId}");
    }

    [Fact]
    public async Task HalfDays_WhenTheTypeAllowsThem_ThenTheChoiceShowsAndOtherwiseNot()
    {
        var whole = Vacation with { Settings = Vacation.Settings with { HalfDaysAllowed = false } };
        Mediator.Answer<ListLeaveTypes>(_ => (IReadOnlyList<LeaveTypeItem>)[whole, Sick]);
        Mediator.Answer<PreviewLeaveRequest>(q => Preview(q, 1m, 15m, []));
        var page = Render<RequestLeavePage>();

        await FillAsync(page, whole, new DateTime(2026, 12, 21), new DateTime(2026, 12, 21), null);
        page.FindAll("[data-testid=leave-first-part]").ShouldBeEmpty();

        await page.InvokeAsync(() => page.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(Sick.Id));
        page.WaitForAssertion(() => page.FindAll("[data-testid=leave-first-part]").ShouldNotBeEmpty());
    }

    private static LeavePreview Preview(
        PreviewLeaveRequest query, decimal days, decimal balance, IReadOnlyList<LeaveProblem> problems, IReadOnlyList<string>? holidays = null, IReadOnlyList<LeaveOverlap>? overlaps = null) =>
        new(days, balance, 0m, balance - days, false, false, holidays ?? [], problems, overlaps ?? []);

    private static async Task FillAsync(IRenderedComponent<RequestLeavePage> page, LeaveTypeItem type, DateTime first, DateTime last, string? reason)
    {
        await page.InvokeAsync(() => page.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(type.Id));
        var pickers = page.FindComponents<MudDatePicker>();
        await page.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(first));
        await page.InvokeAsync(() => pickers[1].Instance.DateChanged.InvokeAsync(last));
        if (reason is not null)
        {
            page.Find("textarea[data-testid=leave-reason], [data-testid=leave-reason] textarea").Input(reason);
        }
    }
}
