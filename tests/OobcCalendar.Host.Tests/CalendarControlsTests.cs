using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OobcCalendar.Host.Components.Pages.Calendar;
using OobcCalendar.Shared.UI.Calendar;
using Shouldly;

namespace OobcCalendar.Host.Tests;

/// <summary>The calendar page's mini month and layout switch, as rendered markup (issue 10, items 5 and 10a).</summary>
public sealed class CalendarControlsTests : BunitContext, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    public CalendarControlsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void MiniMonth_WhenWeekStartsInThePreviousMonth_ThenShowsTodaysMonthWithTodayMarked()
    {
        // Week of Mon 30 Nov – Sun 6 Dec holds today (3 Dec): the month shown is December, not November.
        var mini = Render<MiniMonth>(p => p
            .Add(m => m.Today, Today)
            .Add(m => m.RangeStart, new DateOnly(2026, 11, 30))
            .Add(m => m.RangeEnd, new DateOnly(2026, 12, 7))
            .Add(m => m.Focus, new DateOnly(2026, 11, 30)));

        mini.Find("[data-testid=mini-month]").GetAttribute("data-month").ShouldBe("2026-12");
        mini.Find("[data-testid=mini-title]").TextContent.ShouldBe("December 2026");
        var today = mini.Find("[data-date='2026-12-03']");
        today.ClassList.ShouldContain("today");
        today.GetAttribute("aria-current").ShouldBe("date");
        mini.FindAll(".today").Count.ShouldBe(1);
    }

    [Fact]
    public void MiniMonth_WhenMonthViewShown_ThenTheFirstIsNotDrawnAsTodayAndTheMonthIsTheRange()
    {
        var mini = Render<MiniMonth>(p => p
            .Add(m => m.Today, Today)
            .Add(m => m.RangeStart, new DateOnly(2026, 12, 1))
            .Add(m => m.RangeEnd, new DateOnly(2027, 1, 1))
            .Add(m => m.Focus, new DateOnly(2026, 12, 1)));

        var first = mini.Find("[data-date='2026-12-01']");
        first.ClassList.ShouldNotContain("today");
        first.ClassList.ShouldContain("in-range");
        first.ClassList.ShouldContain("range-start");
        mini.Find("[data-date='2026-12-31']").ClassList.ShouldContain("range-end");
        mini.Find("[data-date='2026-11-30']").ClassList.ShouldNotContain("in-range");
        mini.FindAll(".in-range").Count.ShouldBe(31);
    }

    [Fact]
    public void MiniMonth_WhenTodayIsNotInView_ThenShowsTheFocusedDatesMonth()
    {
        var mini = Render<MiniMonth>(p => p
            .Add(m => m.Today, Today)
            .Add(m => m.RangeStart, new DateOnly(2027, 2, 1))
            .Add(m => m.RangeEnd, new DateOnly(2027, 2, 2))
            .Add(m => m.Focus, new DateOnly(2027, 2, 1)));

        mini.Find("[data-testid=mini-month]").GetAttribute("data-month").ShouldBe("2027-02");
        mini.FindAll(".today").Count.ShouldBe(0);
    }

    [Fact]
    public void MiniMonth_WhenADayIsClicked_ThenReportsIt()
    {
        DateOnly? picked = null;
        var mini = Render<MiniMonth>(p => p
            .Add(m => m.Today, Today)
            .Add(m => m.DateChanged, (DateOnly d) => picked = d));

        mini.Find("[data-date='2026-12-17']").Click();

        picked.ShouldBe(new DateOnly(2026, 12, 17));
    }

    [Fact]
    public void CalendarToolbar_WhenRendered_ThenTheLayoutsAreARadioGroupWithTheCurrentOneChecked()
    {
        var toolbar = Render<CalendarToolbar>(p => p.Add(t => t.View, CalendarViewKind.Week));

        toolbar.Find("[data-testid=calendar-views]").GetAttribute("role").ShouldBe("radiogroup");
        var radios = toolbar.FindAll("[data-testid=calendar-views] [role=radio]");
        radios.Select(r => r.TextContent.Trim()).ShouldBe(["Month", "Week", "Day", "Agenda"]);
        radios.Select(r => r.GetAttribute("aria-checked")).ShouldBe(["false", "true", "false", "false"]);
        toolbar.FindAll("[role=checkbox], [aria-pressed]").Count.ShouldBe(0);
    }

    [Fact]
    public void CalendarToolbar_WhenArrowRightPressed_ThenChoosesTheNextLayout()
    {
        CalendarViewKind? chosen = null;
        var toolbar = Render<CalendarToolbar>(p => p
            .Add(t => t.View, CalendarViewKind.Agenda)
            .Add(t => t.ViewChanged, (CalendarViewKind v) => chosen = v));

        toolbar.Find("[data-testid=calendar-views]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowRight" });

        chosen.ShouldBe(CalendarViewKind.Month);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
