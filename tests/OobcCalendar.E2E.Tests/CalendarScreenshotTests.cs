using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Screenshots of the calendar (month, week, the phone's agenda) and of each of its dialogs, at 1280 and 390 px,
/// into artifacts/screenshots for review by eye (calendar-*.png, event-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarScreenshotTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CalendarScreens_WhenVisitedOnADesktop_ThenScreenshotsAreSaved()
    {
        var monday = CalendarActions.Monday(16);
        var (context, page) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", "/calendar?view=month", BrowserFixture.Desktop);
        await using var _ = context;
        await page.WaitForCalendarAsync();
        await Expect(page.Calendar().Locator("[data-event-id]").First).ToBeVisibleAsync();
        await ShootAsync(page, "calendar-month", "desktop");

        await page.GetByTestId("calendar-views").GetByText("Week", new() { Exact = true }).ClickAsync();
        await Expect(page.Calendar().Locator("[data-time='09:00:00']").Last).ToBeVisibleAsync();
        await ShootAsync(page, "calendar-week", "desktop");

        var title = "Planning review";
        await QuickAddAsync(page, $"{title} on {monday.AddDays(1):MMMM d yyyy} at 10am for 1 hour with Jamal and Farida", "desktop");

        await page.GotoAsync(CalendarActions.CalendarPath(monday));
        await page.WaitForCalendarAsync();
        await OpenDetailsAndEditorAsync(page, title, monday.AddDays(1), "desktop");

        // Another event with Jamal at the same time: the busy warning names him before anything is saved.
        await page.GetByTestId("quick-add-text").FillAsync($"Vendor call on {monday.AddDays(1):MMMM d yyyy} at 10:30am with Jamal");
        await page.GetByTestId("quick-add-go").ClickAsync();
        await page.GetByTestId("quick-add-preview").GetByTestId("quick-add-save").ClickAsync();
        var busy = page.GetByRole(AriaRole.Dialog, new() { Name = "Some people are busy then" });
        await Expect(busy.GetByTestId("busy-names")).ToContainTextAsync("Jamal Usman");
        await ShootAsync(page, "event-busy-warning", "desktop");
        await busy.GetByTestId("busy-back").ClickAsync();
        await Expect(busy).ToBeHiddenAsync();
        await page.GetByTestId("quick-add-cancel").ClickAsync();

        await page.CreateWeeklySeriesAsync("Team huddle", monday.AddDays(3));
        var scope = await page.DragSeriesEntryToDayAsync("Team huddle", monday.AddDays(3), monday.AddDays(4));
        await Expect(scope.GetByText("This occurrence", new() { Exact = true })).ToBeVisibleAsync();
        await ShootAsync(page, "event-scope-dialog", "desktop");
        await scope.GetByTestId("scope-cancel").ClickAsync();
        // Cancelling puts the occurrence back where it was.
        await page.EntryOnDayAsync("Team huddle", monday.AddDays(3));
    }

    [Fact]
    public async Task CalendarScreens_WhenVisitedOnAPhone_ThenAgendaFirstAndDialogsFit()
    {
        var monday = CalendarActions.Monday(18);
        var (context, page) = await fixture.NewSignedInPageAsync("manager.programs@oobc.gov.ph", "/calendar", BrowserFixture.Phone);
        await using var _ = context;
        await page.WaitForCalendarAsync();
        await page.WaitForDrawerClosedAsync();
        await Expect(page.GetByTestId("calendar-views").Locator("[role=radio][aria-checked=true]").First).ToContainTextAsync("Agenda");
        await ShootAsync(page, "calendar-agenda", "phone");

        var title = "Site visit";
        await QuickAddAsync(page, $"{title} on {monday.AddDays(2):MMMM d yyyy} at 2pm for 2 hours with Miguel", "phone");

        await page.GotoAsync(CalendarActions.CalendarPath(monday, "month"));
        await page.WaitForCalendarAsync();
        await Expect(page.CalendarEntry(title)).ToBeVisibleAsync();
        await ShootAsync(page, "calendar-month", "phone");

        await page.GotoAsync(CalendarActions.CalendarPath(monday, "agenda"));
        await page.WaitForCalendarAsync();
        await page.CalendarEntry(title).ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        await Expect(details.GetByTestId("details-title")).ToHaveTextAsync(title);
        await ShootAsync(page, "event-details", "phone");
        await details.GetByTestId("details-edit").ClickAsync();
        var editor = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit event" });
        await Expect(editor.GetByTestId("event-title")).ToHaveValueAsync(title);
        await editor.GetByText("Repeats", new() { Exact = true }).ClickAsync();
        await Expect(editor.GetByTestId("recurrence-summary")).ToBeVisibleAsync();
        await ShootAsync(page, "event-editor", "phone");
        await editor.GetByTestId("editor-save").ClickAsync();
        await Expect(editor).ToBeHiddenAsync();

        // Now a weekly series: cancelling one asks which occurrences.
        await page.CalendarEntry(title).First.ClickAsync();
        await details.GetByTestId("details-cancel-event").ClickAsync();
        var scope = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel a repeating event" });
        await Expect(scope.GetByText("This and following occurrences", new() { Exact = true })).ToBeVisibleAsync();
        await ShootAsync(page, "event-scope-dialog", "phone");
        await scope.GetByTestId("scope-cancel").ClickAsync();
        await Expect(scope).ToBeHiddenAsync();

        await page.GetByTestId("quick-add-text").FillAsync($"Supplier call on {monday.AddDays(2):MMMM d yyyy} at 3pm with Miguel");
        await page.GetByTestId("quick-add-go").ClickAsync();
        await page.GetByTestId("quick-add-preview").GetByTestId("quick-add-save").ClickAsync();
        var busy = page.GetByRole(AriaRole.Dialog, new() { Name = "Some people are busy then" });
        await Expect(busy.GetByTestId("busy-names")).ToContainTextAsync("Miguel Santos");
        await ShootAsync(page, "event-busy-warning", "phone");
        await busy.GetByTestId("busy-back").ClickAsync();
        await Expect(busy).ToBeHiddenAsync();
    }

    private async Task QuickAddAsync(IPage page, string sentence, string size)
    {
        await page.GetByTestId("quick-add-text").FillAsync(sentence);
        await page.GetByTestId("quick-add-go").ClickAsync();
        var preview = page.GetByTestId("quick-add-preview");
        await Expect(preview.GetByTestId("quick-add-person").First).ToBeVisibleAsync();
        await ShootAsync(page, "calendar-quick-add", size);
        await preview.GetByTestId("quick-add-save").ClickAsync();
        await Expect(page.GetByText("Event added.")).ToBeVisibleAsync();
    }

    private async Task OpenDetailsAndEditorAsync(IPage page, string title, DateOnly day, string size)
    {
        await (await page.EntryOnDayAsync(title, day)).ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        await Expect(details.GetByTestId("details-title")).ToHaveTextAsync(title);
        await Expect(details.GetByTestId("participant-response").First).ToBeVisibleAsync();
        await ShootAsync(page, "event-details", size);
        await details.GetByTestId("details-edit").ClickAsync();
        var editor = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit event" });
        await Expect(editor.GetByTestId("event-title")).ToHaveValueAsync(title);
        await ShootAsync(page, "event-editor", size);
        await editor.GetByTestId("editor-cancel").ClickAsync();
        await Expect(editor).ToBeHiddenAsync();
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{name}-{size}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
