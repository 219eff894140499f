using Bunit;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Calendar;
using OobcCalendar.Shared.UI.Calendar;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>
/// The quick-add box around its parser: the browser module is answered here with what it gives for
/// "Weekly sync every Tuesday at 10am" on Thursday 3 Dec 2026 (QuickAddParserTests checks the parser itself).
/// </summary>
public sealed class QuickAddBoxTests : DialogTestContext
{
    private const string Sentence = "Weekly sync every Tuesday at 10am";
    private readonly FakeCalendarPage calendar = new();

    public QuickAddBoxTests()
    {
        JSInterop.SetupModule("./lib/quick-add/quick-add.js")
            .Setup<QuickAddBox.RawParse>("parseQuickAdd", call => (string?)call.Arguments[0] == Sentence)
            .SetResult(new QuickAddBox.RawParse("Weekly sync", "2026-12-08T10:00:00", "2026-12-08T11:00:00", false, [], "FREQ=WEEKLY;BYDAY=TU"));
    }

    [Fact]
    public void QuickAdd_WhenTheSentenceRepeats_ThenTheConfirmationSaysTheRuleInWords()
    {
        var box = UnderstandSentence();

        box.Find("[data-testid=quick-add-title]").TextContent.ShouldBe("Weekly sync");
        box.Find("[data-testid=quick-add-repeat]").TextContent.ShouldBe("Every week on Tue, 10:00 AM – 11:00 AM, from 8 Dec");
        Mediator.Sent.OfType<CreateEvent>().ShouldBeEmpty();
    }

    [Fact]
    public void QuickAdd_WhenARepeatIsConfirmed_ThenCreatesTheSeriesWithItsRuleFromTheFirstOccurrence()
    {
        Mediator.Answer<CreateEvent>(_ => Guid.NewGuid());
        var box = UnderstandSentence();

        box.Find("[data-testid=quick-add-save]").Click();

        box.WaitForAssertion(() => Mediator.Sent.OfType<CreateEvent>().ShouldHaveSingleItem());
        var draft = Mediator.Sent.OfType<CreateEvent>().Single().Draft;
        draft.Title.ShouldBe("Weekly sync");
        draft.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=TU");
        draft.TimeZoneId.ShouldBe("Asia/Manila");
        draft.Start.ShouldBe(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));
        draft.End.ShouldBe(new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero));
        box.WaitForAssertion(() => calendar.Shown.ShouldBe([new DateTime(2026, 12, 8, 10, 0, 0)]));
        box.FindAll("[data-testid=quick-add-preview]").ShouldBeEmpty();
    }

    [Fact]
    public void QuickAdd_WhenTheSentenceIsAOneOff_ThenShowsNoRepeatAndCreatesNoSeries()
    {
        Mediator.Answer<CreateEvent>(_ => Guid.NewGuid());
        const string oneOff = "Weekly check-in on December 9 2026 at 2pm";
        JSInterop.SetupModule("./lib/quick-add/quick-add.js")
            .Setup<QuickAddBox.RawParse>("parseQuickAdd", call => (string?)call.Arguments[0] == oneOff)
            .SetResult(new QuickAddBox.RawParse("Weekly check-in", "2026-12-09T14:00:00", "2026-12-09T15:00:00", false, [], null));
        var box = UnderstandSentence(oneOff);

        box.FindAll("[data-testid=quick-add-repeat]").ShouldBeEmpty();
        box.Find("[data-testid=quick-add-save]").Click();

        box.WaitForAssertion(() => Mediator.Sent.OfType<CreateEvent>().ShouldHaveSingleItem());
        Mediator.Sent.OfType<CreateEvent>().Single().Draft.RecurrenceRule.ShouldBeNull();
    }

    private IRenderedComponent<QuickAddBox> UnderstandSentence(string sentence = Sentence)
    {
        var box = Render<QuickAddBox>(p => p.Add(b => b.Calendar, calendar));
        box.Find("input[data-testid=quick-add-text]").Input(sentence);
        box.Find("[data-testid=quick-add-go]").Click();
        box.WaitForElement("[data-testid=quick-add-preview]");
        return box;
    }

    private sealed class FakeCalendarPage : ICalendarPage
    {
        public List<DateTime> Shown { get; } = [];

        public Task ShowAsync(DateTime start)
        {
            Shown.Add(start);
            return Task.CompletedTask;
        }
    }
}
