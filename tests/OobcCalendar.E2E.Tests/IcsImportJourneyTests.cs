using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Bringing another calendar in: upload an .ics, check the preview, import, find the events in the calendar feed
/// (the /calendar page reads it), and take them out again as a download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IcsImportJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    /// <summary>Next Monday in Manila, so the events are in the future whenever the test runs.</summary>
    internal static DateTime NextMonday()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Manila).Date;
        return today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
    }

    /// <summary>A file as another calendar exports it: a weekly series with one deleted date, a workshop, an all-day day off, a to-do and an event in an unknown zone.</summary>
    internal static FilePayload File(DateTime monday, string name = "other-calendar.ics")
    {
        string Local(DateTime day, int hour) => day.AddHours(hour).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var run = Guid.NewGuid().ToString("N");
        var lines = new[]
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other//Calendar//EN",
            "BEGIN:VEVENT", $"UID:standup-{run}@other.example", "SUMMARY:Imported stand-up", $"DTSTART;TZID=Asia/Manila:{Local(monday, 9)}",
            $"DTEND;TZID=Asia/Manila:{Local(monday, 9).Replace("T09", "T10", StringComparison.Ordinal)}", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
            $"EXDATE;TZID=Asia/Manila:{Local(monday.AddDays(7), 9)}", "LOCATION:Conference Room B", "END:VEVENT",
            "BEGIN:VEVENT", $"UID:workshop-{run}@other.example", "SUMMARY:Imported workshop", $"DTSTART;TZID=Europe/Berlin:{Local(monday.AddDays(2), 8)}",
            $"DTEND;TZID=Europe/Berlin:{Local(monday.AddDays(2), 10)}", "END:VEVENT",
            "BEGIN:VEVENT", $"UID:dayoff-{run}@other.example", "SUMMARY:Imported day off", $"DTSTART;VALUE=DATE:{monday.AddDays(4):yyyyMMdd}", "END:VEVENT",
            "BEGIN:VEVENT", $"UID:mars-{run}@other.example", "SUMMARY:Call with Mars office", $"DTSTART;TZID=Mars/Olympus:{Local(monday.AddDays(1), 9)}",
            $"DTEND;TZID=Mars/Olympus:{Local(monday.AddDays(1), 10)}", "END:VEVENT",
            "BEGIN:VTODO", $"UID:todo-{run}@other.example", "SUMMARY:Send the minutes", "END:VTODO",
            "END:VCALENDAR", string.Empty,
        };
        return new FilePayload { Name = name, MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)) };
    }

    [Fact]
    public async Task ImportIcs_WhenPreviewedAndConfirmed_ThenItsEventsAreInMyCalendar()
    {
        var monday = NextMonday();
        var (context, page) = await fixture.NewSignedInPageAsync("staff5@oobc.gov.ph", "/scheduling/import");
        await using var _ = context;

        var file = File(monday);
        await page.Locator("input[type=file]").SetInputFilesAsync(file);

        var events = page.GetByTestId("ics-events");
        await Expect(events.GetByTestId("ics-event-title")).ToHaveCountAsync(3);
        await Expect(events).ToContainTextAsync("Every week on Mon, 3 times");
        await Expect(events).ToContainTextAsync("1 occurrence deleted");
        await Expect(events).ToContainTextAsync("(Europe/Berlin)");
        var skipped = page.GetByTestId("ics-skipped");
        await Expect(skipped).ToContainTextAsync("Call with Mars office");
        await Expect(skipped).ToContainTextAsync("which this calendar does not know");
        await Expect(skipped).ToContainTextAsync("Send the minutes");

        await page.GetByTestId("ics-confirm").ClickAsync();

        await Expect(page.GetByTestId("ics-done-count")).ToHaveTextAsync("Imported 3 events (1 repeating).");
        await Expect(page.GetByTestId("ics-open-calendar")).ToHaveAttributeAsync("href", $"/calendar?date={monday:yyyy-MM-dd}");

        // The calendar page reads this feed; it is what the calendar shows (same cookie as the page).
        var feed = await context.APIRequest.GetAsync($"/api/calendar/events?start={monday:yyyy-MM-dd}&end={monday.AddDays(21):yyyy-MM-dd}&scope=mine");
        feed.Status.ShouldBe(200);
        using var json = JsonDocument.Parse(await feed.TextAsync());
        var entries = json.RootElement.EnumerateArray().Select(e => (Title: e.GetProperty("title").GetString(), Start: e.GetProperty("start").GetString())).ToList();
        entries.Where(e => e.Title == "Imported stand-up").Select(e => e.Start).ShouldBe([$"{monday:yyyy-MM-dd}T09:00:00", $"{monday.AddDays(14):yyyy-MM-dd}T09:00:00"]);
        var workshop = TimeZoneInfo.ConvertTime(TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(2).AddHours(8), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), Manila);
        entries.ShouldContain(("Imported workshop", workshop.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)));
        entries.ShouldContain(("Imported day off", $"{monday.AddDays(4):yyyy-MM-dd}"));

        // And back out again: the export page's link downloads them as a file (not a page change in the app).
        await page.NavigateInAppAsync("/scheduling/export");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("ics-export-download").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("oobc-calendar-");
        var exported = await System.IO.File.ReadAllTextAsync((await download.PathAsync())!);
        exported.ShouldContain("SUMMARY:Imported stand-up");
        exported.ShouldContain("RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO");
        await page.NavigateInAppAsync("/scheduling/import");

        // The same file again adds nothing: everything in it is already there, and the preview says so.
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.GetByTestId("ics-nothing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ics-skipped")).ToContainTextAsync("Already in your calendar");
        await Expect(page.GetByTestId("ics-confirm")).ToBeDisabledAsync();
    }
}
