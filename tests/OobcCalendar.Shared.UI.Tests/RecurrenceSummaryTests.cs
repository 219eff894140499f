using Bunit;
using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class RecurrenceSummaryTests : MudTestContext
{
    [Fact]
    public void Summary_WhenRuleGiven_ShowsItInWords()
    {
        var summary = Render<RecurrenceSummary>(p => p.Add(s => s.Rule, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6").Add(s => s.TimeZoneId, "Asia/Manila"));

        summary.Find("[data-testid=recurrence-summary]").TextContent.Trim().ShouldBe("Every month on the last Friday, 6 times");
    }
}
