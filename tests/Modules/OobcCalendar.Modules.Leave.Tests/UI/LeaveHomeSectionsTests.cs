using Bunit;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Home;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>Leave's cards on Home, on Wednesday 3 March 2027 (this week: Mon 1 to Sun 7 March).</summary>
public sealed class LeaveHomeSectionsTests : LeaveUiContext
{
    private IReadOnlyList<LeaveBalance> balances = [];
    private IReadOnlyList<PersonOut> outs = [];

    public LeaveHomeSectionsTests()
    {
        Mediator.Answer<GetMyBalances>(_ => balances);
        Mediator.Answer<GetWhosOut>(_ => outs);
    }

    [Fact]
    public void Balance_WhenIHaveCredits_ThenListsAvailableDaysAndPendingPerTypeWithLinks()
    {
        balances =
        [
            Balance("VL", "Vacation leave", 12.5m, 2m),
            Balance("SL", "Sick leave", 7m, 0m),
            Balance("FL", "Mandatory/forced leave", 12.5m, 0m) with { ChargedToCode = "VL" },
            Balance("ML", "Maternity leave", 0m, 0m),
            Balance("LWOP", "Leave without pay", null, 0m),
        ];

        var card = Render<LeaveBalanceSection>();

        var rows = card.FindAll("[data-testid=home-leave-balance-row]");
        rows.Select(r => r.GetAttribute("data-type")).ShouldBe(["VL", "SL"]);
        rows[0].QuerySelector("[data-testid=home-leave-available]")!.TextContent.ShouldBe("10.5");
        rows[0].QuerySelector("[data-testid=home-leave-pending]")!.TextContent.ShouldBe("· 2 pending");
        rows[1].QuerySelector("[data-testid=home-leave-pending]").ShouldBeNull();
        card.Find("[data-testid=home-leave-mine]").GetAttribute("href").ShouldBe("/leave");
        card.Find("[data-testid=home-leave-request]").GetAttribute("href").ShouldBe("/leave/request");
    }

    [Fact]
    public void Balance_WhenIHaveNoCredits_ThenShowsTheEmptyStateWithRequestLeave()
    {
        balances = [Balance("VL", "Vacation leave", 0m, 0m), Balance("LWOP", "Leave without pay", null, 0m)];

        var card = Render<LeaveBalanceSection>();

        card.Find(".oobc-empty-state").TextContent.ShouldContain("No leave credits yet");
        card.Find("[data-testid=home-leave-request]").GetAttribute("href").ShouldBe("/leave/request");
        card.FindAll("[data-testid=home-leave-balance-row]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Balance_WhenALedgerEntryIsBookedForMe_ThenReadsAgainWithoutAReload()
    {
        balances = [Balance("VL", "Vacation leave", 5m, 0m)];
        var card = Render<LeaveBalanceSection>();
        card.Find("[data-testid=home-leave-available]").TextContent.ShouldBe("5");

        balances = [Balance("VL", "Vacation leave", 6.25m, 0m)];
        await card.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(LeaveTopics.Balances, User.Id.ToString(), "changed", [User.Id]), CancellationToken.None));

        card.WaitForAssertion(() => card.Find("[data-testid=home-leave-available]").TextContent.ShouldBe("6.25"));
    }

    [Fact]
    public void WhosOut_WhenColleaguesAreOutTodayAndLater_ThenGroupsThemAndHidesAPrivateType()
    {
        outs = [Out("Tomas Reyes", 3, 3, "Out of office", null), Out("Maria Santos", 4, 5, "Vacation leave", "Vacation leave")];

        var card = Render<WhosOutSection>();

        var today = card.Find("[data-testid=home-whos-out-today]");
        today.TextContent.ShouldContain("Tomas Reyes");
        today.QuerySelector("[data-testid=home-whos-out-label]")!.TextContent.ShouldBe("Out of office");
        card.Find("[data-testid=home-whos-out-week]").TextContent.ShouldContain("Maria Santos");
        card.Find("[data-testid=home-whos-out-week]").TextContent.ShouldContain("Thu 4 Mar – Fri 5 Mar");
        card.Markup.ShouldNotContain("Sick");
        card.Find("[data-testid=home-whos-out-all]").GetAttribute("href").ShouldBe("/leave/whos-out");
        Mediator.Sent.OfType<GetWhosOut>().ShouldHaveSingleItem().ShouldBe(new GetWhosOut(new DateOnly(2027, 3, 3), new DateOnly(2027, 3, 7)));
    }

    [Fact]
    public void WhosOut_WhenNobodyIsOut_ThenShowsTheEmptyStateWithItsScope()
    {
        User.Role = Roles.Manager;

        var card = Render<WhosOutSection>();

        var empty = card.Find(".oobc-empty-state");
        empty.TextContent.ShouldContain("Nobody is out this week");
        empty.TextContent.ShouldContain("Your unit and your people.");
        card.FindAll("[data-testid=home-whos-out-row]").ShouldBeEmpty();
    }

    [Fact]
    public void WhosOut_WhenOnlyLaterThisWeek_ThenSaysNobodyIsOutToday()
    {
        outs = [Out("Maria Santos", 5, 5, "Vacation leave", "Vacation leave")];

        var card = Render<WhosOutSection>();

        card.Find("[data-testid=home-whos-out-none]").TextContent.ShouldBe("Nobody is out today.");
        card.FindAll("[data-testid=home-whos-out-week] [data-testid=home-whos-out-row]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task WhosOut_WhenLeaveIsApprovedWhileOpen_ThenShowsItWithoutAReload()
    {
        var card = Render<WhosOutSection>();
        card.FindAll("[data-testid=home-whos-out-row]").ShouldBeEmpty();

        outs = [Out("Maria Santos", 3, 3, "Vacation leave", "Vacation leave")];
        await card.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(LeaveTopics.Requests, Guid.NewGuid().ToString(), "approved"), CancellationToken.None));

        card.WaitForAssertion(() => card.Find("[data-testid=home-whos-out-today] [data-testid=home-whos-out-row]").TextContent.ShouldContain("Maria Santos"));
    }

    private static LeaveBalance Balance(string code, string name, decimal? balance, decimal pending) =>
        new(Guid.NewGuid(), code, name, "#ef6c00", null, balance, pending, balance - pending);

    private static PersonOut Out(string name, int firstDay, int lastDay, string label, string? typeName) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, "Operations", new DateOnly(2027, 3, firstDay), new DateOnly(2027, 3, lastDay), "Full", "Full", label, typeName, "#ef6c00");
}
