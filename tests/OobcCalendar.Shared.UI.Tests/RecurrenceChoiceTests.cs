using OobcCalendar.Shared.Recurrence;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class RecurrenceChoiceTests
{
    private const string Manila = "Asia/Manila";

    [Fact]
    public void ToRRule_WhenUntilSet_WritesUtcEndOfTheLocalDay()
    {
        var choice = new RecurrenceChoice { Frequency = RecurrenceFrequency.Daily, End = RecurrenceEnd.OnDate, Until = new DateOnly(2027, 12, 31) };

        choice.ToRRule(Manila).ShouldBe("FREQ=DAILY;UNTIL=20271231T155959Z");
    }

    [Fact]
    public void StartingOn_WhenLastWeekOfMonth_PicksLastWeekday()
    {
        var choice = RecurrenceChoice.StartingOn(new DateOnly(2026, 12, 29)) with { Frequency = RecurrenceFrequency.Monthly, MonthlyPattern = MonthlyPattern.NthWeekday };

        choice.ToRRule().ShouldBe("FREQ=MONTHLY;BYDAY=-1TU");
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10")]
    [InlineData("FREQ=MONTHLY;BYDAY=3TH;UNTIL=20270630T155959Z")]
    [InlineData("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1")]
    [InlineData("FREQ=YEARLY")]
    public void TryParse_WhenWrittenByToRRule_RoundTrips(string rule)
    {
        RecurrenceChoice.TryParse(rule, Manila, out var choice).ShouldBeTrue();

        choice.ToRRule(Manila).ShouldBe(rule);
    }

    [Fact]
    public void ExpandedUntil_WhenWrittenByTheForm_IncludesTheLastDay()
    {
        var rule = new RecurrenceChoice { Frequency = RecurrenceFrequency.Daily, End = RecurrenceEnd.OnDate, Until = new DateOnly(2027, 1, 8) }.ToRRule(Manila);

        var slots = RecurrenceExpander.Expand(rule, new DateTime(2027, 1, 4, 9, 0, 0), TimeSpan.FromHours(1), Manila, DateTimeOffset.MaxValue);

        slots.Count.ShouldBe(5);
        slots[^1].Start.ShouldBe(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.FromHours(8)));
    }
}
