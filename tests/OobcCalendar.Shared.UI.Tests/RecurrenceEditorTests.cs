using Bunit;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class RecurrenceEditorTests : MudTestContext
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private string? rule;

    private IRenderedComponent<RecurrenceEditor> RenderEditor(string? initial = null)
    {
        rule = initial;
        return Render<RecurrenceEditor>(p => p
            .Add(e => e.Value, initial)
            .Add(e => e.ValueChanged, EventCallback.Factory.Create<string?>(this, v => rule = v))
            .Add(e => e.FirstDate, Wednesday)
            .Add(e => e.TimeZoneId, "Asia/Manila"));
    }

    [Fact]
    public void Editor_WhenEmpty_StartsWeeklyOnTheFirstDatesWeekday()
    {
        RenderEditor();

        rule.ShouldBe("FREQ=WEEKLY;BYDAY=WE");
    }

    [Fact]
    public void Editor_WhenMondayAddedAndIntervalTwo_WritesBothDaysEveryTwoWeeks()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid=weekday-Monday]").Click();
        editor.Find("input[data-testid=recurrence-interval]").Change("2");

        rule.ShouldBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");
    }

    [Fact]
    public void Editor_WhenMonthlyNthWeekdayChosen_WritesFirstWednesday()
    {
        var editor = RenderEditor("FREQ=MONTHLY;BYMONTHDAY=2");

        editor.Find("input[data-testid=monthly-nth]").Click();

        rule.ShouldBe("FREQ=MONTHLY;BYDAY=1WE");
    }

    [Fact]
    public void Editor_WhenEndsAfterFiveOccurrences_WritesCount()
    {
        var editor = RenderEditor("FREQ=DAILY");

        editor.Find("input[data-testid=end-count]").Change("5");

        rule.ShouldBe("FREQ=DAILY;COUNT=5");
    }

    [Fact]
    public void Editor_WhenCustomRuleTyped_PassesItThrough()
    {
        var editor = RenderEditor("FREQ=DAILY");

        editor.Find("input[data-testid=recurrence-custom]").Change(true);
        editor.Find("input[data-testid=recurrence-custom-text]").Input("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1");

        editor.WaitForAssertion(() => rule.ShouldBe("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1"));
    }

    [Fact]
    public void Editor_WhenRuleBeyondTheForm_OpensInCustomMode()
    {
        var editor = RenderEditor("FREQ=WEEKLY;BYHOUR=9");

        editor.Find("input[data-testid=recurrence-custom-text]").GetAttribute("value").ShouldBe("FREQ=WEEKLY;BYHOUR=9");
    }

    [Fact]
    public void Editor_WhenErrorTextGiven_ShowsItUnderTheEditor()
    {
        var editor = Render<RecurrenceEditor>(p => p.Add(e => e.Value, "FREQ=DAILY").Add(e => e.ErrorText, "This rule produces no occurrences."));

        editor.Find("[data-testid=recurrence-error]").TextContent.ShouldBe("This rule produces no occurrences.");
    }
}
