using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

public sealed class EventEditorDialogTests : DialogTestContext
{
    private static readonly DateTime Tuesday10 = new(2026, 12, 1, 10, 0, 0);

    private Task<IDialogReference> ShowForSlotAsync(DateTime start, DateTime end, bool allDay = false) =>
        ShowAsync(new DialogParameters<EventEditorDialog> { { d => d.Start, start }, { d => d.End, end }, { d => d.AllDay, allDay } });

    [Fact]
    public async Task Editor_WhenSavedWithoutTitle_ThenSaysSoUnderTheFieldAndSendsNothing()
    {
        await ShowForSlotAsync(Tuesday10, Tuesday10.AddHours(1));

        Provider.Find("[data-testid=editor-save]").Click();

        Provider.WaitForAssertion(() => Provider.Markup.ShouldContain("Give the event a title."));
        Mediator.Sent.OfType<CreateEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Editor_WhenEndBeforeStart_ThenSaysSoUnderTheEnd()
    {
        await ShowForSlotAsync(Tuesday10, Tuesday10.AddHours(-1));
        Provider.Find("input[data-testid=event-title]").Input("Planning");

        Provider.Find("[data-testid=editor-save]").Click();

        Provider.WaitForAssertion(() => Provider.Markup.ShouldContain("The end must be after the start."));
        Mediator.Sent.OfType<CreateEvent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Editor_WhenValid_ThenCreatesTheEventInTheUsersZoneAndCloses()
    {
        var id = Guid.NewGuid();
        Mediator.Answer<CreateEvent>(_ => id);
        var dialog = await ShowForSlotAsync(Tuesday10, Tuesday10.AddHours(1));
        Provider.Find("input[data-testid=event-title]").Input("Planning");

        Provider.Find("[data-testid=editor-save]").Click();

        var result = await dialog.Result;
        result!.Data.ShouldBe(id);
        var draft = Mediator.Sent.OfType<CreateEvent>().Single().Draft;
        draft.Title.ShouldBe("Planning");
        draft.TimeZoneId.ShouldBe("Asia/Manila");
        draft.Start.ShouldBe(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        draft.End.ShouldBe(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        draft.RecurrenceRule.ShouldBeNull();
    }

    [Fact]
    public async Task Editor_WhenAllDaySlot_ThenSendsLocalMidnightsWithExclusiveEnd()
    {
        Mediator.Answer<CreateEvent>(_ => Guid.NewGuid());
        await ShowForSlotAsync(new DateTime(2026, 12, 1), new DateTime(2026, 12, 3), allDay: true);
        Provider.Find("input[data-testid=event-title]").Input("Retreat");

        Provider.Find("[data-testid=editor-save]").Click();

        Provider.WaitForAssertion(() => Mediator.Sent.OfType<CreateEvent>().ShouldHaveSingleItem());
        var draft = Mediator.Sent.OfType<CreateEvent>().Single().Draft;
        draft.AllDay.ShouldBeTrue();
        draft.Start.ShouldBe(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        draft.End.ShouldBe(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Editor_WhenServerRejectsTheRule_ThenShowsItsMessageUnderTheRecurrenceEditorAndStaysOpen()
    {
        Mediator.Answer<CreateEvent>(_ => throw new InputValidationException(new Dictionary<string, string[]>
        {
            ["Recurrence"] = ["This rule makes more than 1000 occurrences in the period. Add an end date or a count."],
        }));
        var dialog = await ShowForSlotAsync(Tuesday10, Tuesday10.AddHours(1));
        Provider.Find("input[data-testid=event-title]").Input("Standup");
        Provider.Find("input[data-testid=event-repeats]").Change(true);

        Provider.Find("[data-testid=editor-save]").Click();

        Provider.WaitForAssertion(() => Provider.Find("[data-testid=recurrence-error]").TextContent.ShouldContain("more than 1000 occurrences"));
        Mediator.Sent.OfType<CreateEvent>().Single().Draft.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=TU");
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Editor_WhenSeriesStartIsNotOnItsRule_ThenSaysItStartsOnTheFirstOccurrence()
    {
        Mediator.Answer<CreateEvent>(_ => Guid.NewGuid());
        // Monday 1 February 2027 with a "first Friday" rule: the series starts on Friday 5 February.
        var monday = new DateTime(2027, 2, 1, 10, 0, 0);
        var dialog = await ShowForSlotAsync(monday, monday.AddHours(1));
        Provider.Find("input[data-testid=event-title]").Input("All-hands");
        Provider.Find("input[data-testid=event-repeats]").Change(true);
        // Each switch re-renders the form once MudBlazor's async change handling has run: wait for what it shows.
        Provider.WaitForElement("input[data-testid=recurrence-custom]").Change(true);
        Provider.WaitForElement("input[data-testid=recurrence-custom-text]").Input("FREQ=MONTHLY;BYDAY=1FR");
        // The rule box reports after a short debounce; the summary under it shows when the form has the rule.
        Provider.WaitForAssertion(() => Provider.Markup.ShouldContain("first Friday"));

        Provider.Find("[data-testid=editor-save]").Click();

        await dialog.Result;
        Mediator.Sent.OfType<CreateEvent>().Single().Draft.RecurrenceRule.ShouldBe("FREQ=MONTHLY;BYDAY=1FR");
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ShouldBe(
            ["Event added. It starts on Fri 5 Feb 2027, the first day that fits how it repeats."]);
    }

    [Fact]
    public async Task Editor_WhenSeriesStartsOnItsRule_ThenJustSaysAdded()
    {
        Mediator.Answer<CreateEvent>(_ => Guid.NewGuid());
        var dialog = await ShowForSlotAsync(Tuesday10, Tuesday10.AddHours(1));
        Provider.Find("input[data-testid=event-title]").Input("Standup");
        Provider.Find("input[data-testid=event-repeats]").Change(true);

        Provider.Find("[data-testid=editor-save]").Click();

        await dialog.Result;
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ShouldBe(["Event added."]);
    }
}
