using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The calendar as staff use it: a weekly series made from an empty slot, one occurrence dragged to another day,
/// this-and-following deleted, quick add (a one-off and a series), and a change made in another browser appearing live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task WeeklySeries_WhenCreatedFromAnEmptySlot_ThenItShowsEveryWeekWithTheRepeatIcon()
    {
        var monday = CalendarActions.Monday(6);
        var (context, page) = await fixture.OpenCalendarAsync("staff2@oobc.gov.ph", monday);
        await using var _ = context;
        var title = Unique("Weekly sync");

        await page.CreateWeeklySeriesAsync(title, monday.AddDays(1));

        var entry = await page.EntryOnDayAsync(title, monday.AddDays(1));
        await Expect(entry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("oobc-recurring"));
        await page.GetByTestId("calendar-next").ClickAsync();
        await page.EntryOnDayAsync(title, monday.AddDays(8));
        (await page.StartsOfAsync(title, monday, monday.AddDays(21))).ShouldBe([Start(monday, 1), Start(monday, 8), Start(monday, 15)]);
    }

    [Fact]
    public async Task Occurrence_WhenDraggedToAnotherDayForThisOccurrence_ThenOnlyThatOneMoves()
    {
        var monday = CalendarActions.Monday(8);
        var (context, page) = await fixture.OpenCalendarAsync("staff3@oobc.gov.ph", monday);
        await using var _ = context;
        var title = Unique("Coaching");
        await page.CreateWeeklySeriesAsync(title, monday.AddDays(1));

        var scope = await page.DragSeriesEntryToDayAsync(title, monday.AddDays(1), monday.AddDays(3));
        await scope.GetByText("This occurrence", new() { Exact = true }).ClickAsync();
        await scope.GetByTestId("scope-confirm").ClickAsync();

        await Expect(page.GetByText("Event moved.")).ToBeVisibleAsync();
        await page.EntryOnDayAsync(title, monday.AddDays(3));
        (await page.StartsOfAsync(title, monday, monday.AddDays(14))).ShouldBe([Start(monday, 3), Start(monday, 8)]);
    }

    [Fact]
    public async Task Occurrence_WhenCancelledWithThisAndFollowing_ThenEarlierOnesStay()
    {
        var monday = CalendarActions.Monday(10);
        var (context, page) = await fixture.OpenCalendarAsync("staff5@oobc.gov.ph", monday);
        await using var _ = context;
        var title = Unique("Field visit");
        await page.CreateWeeklySeriesAsync(title, monday.AddDays(2));

        await page.GetByTestId("calendar-next").ClickAsync();
        await (await page.EntryOnDayAsync(title, monday.AddDays(9))).ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        await Expect(details.GetByTestId("details-title")).ToHaveTextAsync(title);
        await details.GetByTestId("details-cancel-event").ClickAsync();
        var scope = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel a repeating event" });
        await scope.GetByText("This and following occurrences", new() { Exact = true }).ClickAsync();
        await scope.GetByTestId("scope-confirm").ClickAsync();

        await Expect(page.GetByText("Event cancelled.")).ToBeVisibleAsync();
        await Expect(page.CalendarEntry(title)).ToHaveCountAsync(0);
        await page.GetByTestId("calendar-prev").ClickAsync();
        await page.EntryOnDayAsync(title, monday.AddDays(2));
        (await page.StartsOfAsync(title, monday, monday.AddDays(28))).ShouldBe([Start(monday, 2)]);
    }

    [Fact]
    public async Task QuickAdd_WhenSentenceNamesADayTimeLengthAndColleague_ThenItShowsWhatItUnderstoodAndSavesOnConfirm()
    {
        var monday = CalendarActions.Monday(12);
        var day = monday.AddDays(3);
        var (context, page) = await fixture.OpenCalendarAsync("manager.programs@oobc.gov.ph", monday);
        await using var _ = context;
        var title = Unique("Budget huddle");

        await page.GetByTestId("quick-add-text").FillAsync(
            string.Create(CultureInfo.InvariantCulture, $"{title} on {day:MMMM d yyyy} at 3pm for 90 minutes with Miguel"));
        await page.GetByTestId("quick-add-go").ClickAsync();

        var preview = page.GetByTestId("quick-add-preview");
        await Expect(preview.GetByTestId("quick-add-title")).ToHaveTextAsync(title);
        await Expect(preview.GetByTestId("quick-add-when")).ToContainTextAsync("3:00 PM – 4:30 PM");
        await Expect(preview.GetByTestId("quick-add-person")).ToHaveTextAsync("Miguel Santos");
        (await page.StartsOfAsync(title, monday, monday.AddDays(7))).ShouldBeEmpty();

        await preview.GetByTestId("quick-add-save").ClickAsync();

        await Expect(page.GetByText("Event added.")).ToBeVisibleAsync();
        await page.EntryOnDayAsync(title, day);
        (await page.StartsOfAsync(title, monday, monday.AddDays(7))).ShouldBe([string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}T15:00:00")]);
    }

    [Fact]
    public async Task QuickAdd_WhenSentenceSaysEveryTuesday_ThenConfirmationWordsTheRepeatAndTheSeriesShowsOnEachTuesday()
    {
        // The series starts on the first Tuesday from now, so this week and the next two are its: Tomas, whom no
        // journey invites, has them to himself. "for 2 weeks" keeps it off the later weeks other journeys use.
        var thisMonday = CalendarActions.Monday(0);
        var (context, page) = await fixture.OpenCalendarAsync("staff3@oobc.gov.ph", thisMonday);
        await using var _ = context;
        var title = Unique("Weekly sync");

        await page.GetByTestId("quick-add-text").FillAsync($"{title} every Tuesday at 10am for 2 weeks");
        await page.GetByTestId("quick-add-go").ClickAsync();

        var preview = page.GetByTestId("quick-add-preview");
        await Expect(preview.GetByTestId("quick-add-title")).ToHaveTextAsync(title);
        var repeat = preview.GetByTestId("quick-add-repeat");
        await Expect(repeat).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            @"^Every week on Tue, until \d{1,2} \w{3} \d{4}, 10:00 AM – 11:00 AM, from \d{1,2} \w{3}$"));
        var repeatText = await repeat.TextContentAsync();

        await preview.GetByTestId("quick-add-save").ClickAsync();

        await Expect(page.GetByText("Event added.")).ToBeVisibleAsync();
        var starts = await page.StartsOfAsync(title, thisMonday, thisMonday.AddDays(35));
        starts.Count.ShouldBe(2, string.Join(", ", starts));
        var first = DateOnly.ParseExact(starts[0][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        first.DayOfWeek.ShouldBe(DayOfWeek.Tuesday);
        starts.ShouldBe([$"{first:yyyy-MM-dd}T10:00:00", $"{first.AddDays(7):yyyy-MM-dd}T10:00:00"]);
        repeatText.ShouldBe(string.Create(
            CultureInfo.InvariantCulture, $"Every week on Tue, until {first.AddDays(13):d MMM yyyy}, 10:00 AM – 11:00 AM, from {first:d MMM}"));

        // Quick add shows the week of the first occurrence; the next week holds the second.
        var entry = await page.EntryOnDayAsync(title, first);
        await Expect(entry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("oobc-recurring"));
        await page.GetByTestId("calendar-next").ClickAsync();
        await page.EntryOnDayAsync(title, first.AddDays(7));
    }

    [Fact]
    public async Task Change_WhenMadeInAnotherBrowser_ThenTheOpenCalendarShowsItWithoutReload()
    {
        var monday = CalendarActions.Monday(14);
        var (watcherContext, watcher) = await fixture.OpenCalendarAsync("staff1@oobc.gov.ph", monday);
        await using var _ = watcherContext;
        var (organizerContext, organizer) = await fixture.OpenCalendarAsync("manager.ops@oobc.gov.ph", monday);
        await using var __ = organizerContext;
        var title = Unique("Briefing");
        // Marks the watcher's page: a reload would drop it.
        await watcher.EvaluateAsync("() => window.oobcNotReloaded = true");

        await organizer.QuickAddWithAsync(string.Create(CultureInfo.InvariantCulture, $"{title} on {monday.AddDays(2):MMMM d yyyy} at 9am with Jamal"), "Jamal Usman");

        await Expect(watcher.CalendarEntry(title)).ToBeVisibleAsync();
        (await watcher.EvaluateAsync<bool>("() => window.oobcNotReloaded === true")).ShouldBeTrue();
    }

    private static string Start(DateOnly monday, int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{monday.AddDays(days):yyyy-MM-dd}T10:00:00");

    private static string Unique(string what) => $"{what} {Guid.NewGuid().ToString("N")[..6]}";
}
