using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Testing;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// ADR 0029: the event details (Scheduling) carry Attendance's button without knowing Attendance. The organizer of a
/// weekly series opens one occurrence: "Take attendance" leads to that occurrence's attendance page; once on, "Attendance".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventAttendanceButtonTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EventDetails_WhenTheOrganizerOpensAnOccurrence_ThenTakeAttendanceLeadsToItsAttendancePage()
    {
        var monday = CalendarActions.Monday(27);
        var tuesday = monday.AddDays(1);
        var organizer = await fixture.CreateFreshUserAsync($"Attendance Organizer {Guid.NewGuid():N}"[..28]);
        var title = $"Barangay assembly {Guid.NewGuid():N}"[..26];
        var (context, page) = await fixture.OpenCalendarAsync(organizer, monday);
        await using var _ = context;
        await page.CreateWeeklySeriesAsync(title, tuesday);

        // The entry's id is "{event id}|{occurrence start, UTC}". Attendance learns of the event through Scheduling's
        // outbox (polled every 2 s here): until then its button has nothing to say, so wait until it would.
        var entry = await page.EntryOnDayAsync(title, tuesday);
        var ids = (await entry.GetAttributeAsync("data-event-id"))!.Split('|');
        var (eventId, occurrence) = (Guid.Parse(ids[0]), DateTimeOffset.Parse(ids[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        await Eventually.UntilAsync(
            async () => await fixture.SendAsAsync<AttendanceLink?>(organizer, new GetAttendanceLink(eventId, occurrence)) is not null,
            TimeSpan.FromSeconds(30), "Attendance knows the new series");

        await entry.ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        var button = details.GetByTestId("event-attendance");
        await Expect(button).ToHaveTextAsync("Take attendance");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "attendance-event-details-desktop.png") });
        await button.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/attendance/event/{eventId}\\?occurrence=.*{Regex.Escape(Uri.EscapeDataString(occurrence.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)))}$"));
        await Expect(details).ToBeHiddenAsync();
        await Expect(page.GetByTestId("attendance-settings")).ToContainTextAsync("Attendance is off for this occurrence.");
        await page.GetByTestId("settings-save").ClickAsync();
        await Expect(page.GetByTestId("attendance-settings")).ToContainTextAsync("Attendance is on.");

        await page.GotoAsync(CalendarActions.CalendarPath(monday));
        await page.WaitForCalendarAsync();
        await (await page.EntryOnDayAsync(title, tuesday)).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("event-attendance")).ToHaveTextAsync("Attendance");
    }
}
