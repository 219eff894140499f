using OobcCalendar.Shared.Recurrence;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class RecurrenceTextTests
{
    private const string Manila = "Asia/Manila";

    [Theory]
    [InlineData("FREQ=DAILY", "Every day")]
    [InlineData("FREQ=DAILY;INTERVAL=3", "Every 3 days")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "Every 2 weeks on Mon and Wed")]
    [InlineData("FREQ=WEEKLY;BYDAY=FR,MO,WE", "Every week on Mon, Wed and Fri")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday (Mon–Fri)")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", "Every month on day 15")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=31", "Every month on day 31 (skipped in shorter months)")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", "Every month on the second Tuesday")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", "Every 3 months on the last Friday")]
    [InlineData("FREQ=YEARLY", "Every year")]
    [InlineData("FREQ=YEARLY;INTERVAL=2", "Every 2 years")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "Every week on Thu, 10 times")]
    [InlineData("FREQ=DAILY;COUNT=1", "Every day, once")]
    [InlineData("RRULE:FREQ=DAILY", "Every day")]
    public void Describe_WhenRuleFitsTheForm_ReadsPlainly(string rule, string expected) =>
        RecurrenceText.Describe(rule, Manila).ShouldBe(expected);

    [Fact]
    public void Describe_WhenUntilIsUtcEndOfLocalDay_ShowsTheLocalDate()
    {
        // 31 Dec 2027 23:59:59 in Manila (UTC+8) is 15:59:59 UTC the same day.
        RecurrenceText.Describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20271231T155959Z", Manila)
            .ShouldBe("Every 2 weeks on Mon and Wed, until 31 Dec 2027");
    }

    [Fact]
    public void Describe_WhenUntilIsADate_ShowsThatDate() =>
        RecurrenceText.Describe("FREQ=DAILY;UNTIL=20270115", Manila).ShouldBe("Every day, until 15 Jan 2027");

    [Fact]
    public void Describe_WhenFirstDateGiven_FillsImplicitDay()
    {
        var wednesday = new DateOnly(2026, 12, 2);

        RecurrenceText.Describe("FREQ=WEEKLY", Manila, wednesday).ShouldBe("Every week on Wed");
        RecurrenceText.Describe("FREQ=YEARLY", Manila, new DateOnly(2027, 3, 4)).ShouldBe("Every year on 4 March");
        RecurrenceText.Describe("FREQ=MONTHLY", Manila, new DateOnly(2027, 3, 15)).ShouldBe("Every month on day 15");
        RecurrenceText.Describe("FREQ=MONTHLY", Manila).ShouldBe("Every month");
    }

    [Theory]
    [InlineData("FREQ=HOURLY")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1")]
    [InlineData("FREQ=WEEKLY;BYHOUR=9")]
    public void Describe_WhenRuleIsBeyondTheForm_SaysCustom(string rule) =>
        RecurrenceText.Describe(rule, Manila).ShouldBe($"Repeats by a custom rule ({rule})");

    [Fact]
    public void Describe_WhenEmpty_SaysDoesNotRepeat() => RecurrenceText.Describe("  ").ShouldBe("Does not repeat");
}
