using Bunit;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Pages;
using OobcCalendar.Shared.LiveUpdates;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>The Who's out page around GetWhosOut, on Wednesday 3 March 2027 (week: Mon 1 to Sun 7 March).</summary>
public sealed class WhosOutPageTests : LeaveUiContext
{
    private IReadOnlyList<PersonOut> outs = [];

    public WhosOutPageTests() => Mediator.Answer<GetWhosOut>(_ => outs);

    [Fact]
    public void WhosOut_WhenNobodyIsOut_ShowsEachPeriodsEmptyState()
    {
        var page = Render<WhosOutPage>();

        page.Find("[data-testid=whos-out-today]").TextContent.ShouldContain("Nobody is out today");
        page.Find("[data-testid=whos-out-week]").TextContent.ShouldContain("Nobody is out this week");
        page.Find("[data-testid=whos-out-month]").TextContent.ShouldContain("Nobody is out this month");
        page.FindAll("[data-testid=whos-out-row]").ShouldBeEmpty();
    }

    [Fact]
    public void WhosOut_WhenItOpens_AsksOnceForTheWeekAndTheMonthTogether()
    {
        Render<WhosOutPage>();

        Mediator.Sent.OfType<GetWhosOut>().ShouldHaveSingleItem().ShouldBe(new GetWhosOut(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)));
    }

    [Fact]
    public void WhosOut_WhenAColleagueIsOutOnPrivateLeaveLaterThisWeek_ShowsOutOfOfficeInTheWeekAndMonthNotToday()
    {
        outs = [Out("Tomas Reyes", 4, 5, "Out of office", typeName: null, lastPart: "Morning")];

        var page = Render<WhosOutPage>();

        page.Find("[data-testid=whos-out-today]").TextContent.ShouldContain("Nobody is out today");
        var row = page.Find("[data-testid=whos-out-week] [data-testid=whos-out-row]");
        row.TextContent.ShouldContain("Tomas Reyes");
        row.TextContent.ShouldContain("Thu 4 Mar – Fri 5 Mar (last day morning)");
        row.QuerySelector("[data-testid=whos-out-label]")!.TextContent.ShouldBe("Out of office");
        row.TextContent.ShouldNotContain("Sick");
        page.FindAll("[data-testid=whos-out-month] [data-testid=whos-out-row]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task WhosOut_WhenLeaveIsApprovedWhileOpen_ShowsItWithoutReload()
    {
        var page = Render<WhosOutPage>();
        page.FindAll("[data-testid=whos-out-row]").ShouldBeEmpty();

        outs = [Out("Maria Santos", 3, 3, "Vacation leave", "Vacation leave")];
        await page.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(LeaveTopics.Requests, Guid.NewGuid().ToString(), "approved"), CancellationToken.None));

        page.WaitForAssertion(() => page.Find("[data-testid=whos-out-today] [data-testid=whos-out-row]").TextContent.ShouldContain("Maria Santos"));
        page.Find("[data-testid=whos-out-today] [data-testid=whos-out-count]").TextContent.ShouldBe("1 out");
    }

    private static PersonOut Out(string name, int firstDay, int lastDay, string label, string? typeName, string lastPart = "Full") =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, "Operations", new DateOnly(2027, 3, firstDay), new DateOnly(2027, 3, lastDay), "Full", lastPart, label, typeName, "#ef6c00");
}
