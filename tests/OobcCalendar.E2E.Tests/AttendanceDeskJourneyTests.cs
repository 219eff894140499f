using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The check-in desk: a desk checks a participant in by search, a second desk and the organizer see it live; a ticket
/// typed into the scan box (as a USB scanner does) checks someone in; the attendance screens at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendanceDeskJourneyTests(BrowserFixture fixture)
{
    private const string Organizer = "manager.ops@oobc.gov.ph";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task DeskPage_WhenADeskChecksInBySearchAndByTicket_ThenTheOtherDeskAndTheOrganizerSeeItLive(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var guest = $"Desk Person {size} {Guid.NewGuid():N}"[..24];
        var second = $"Ticket Person {size}";
        var guestEmail = await fixture.CreateFreshUserAsync(guest);
        var secondEmail = await fixture.CreateFreshUserAsync(second);
        var (listId, eventId, start) = await OpenAttendanceAsync(size, guestEmail, secondEmail);

        var (deskContext, desk) = await fixture.NewSignedInPageAsync("desk1@oobc.gov.ph", $"/attendance/desk/{listId}", viewport);
        await using var _ = deskContext;
        var (otherContext, otherDesk) = await fixture.NewSignedInPageAsync("desk2@oobc.gov.ph", $"/attendance/desk/{listId}", viewport);
        await using var __ = otherContext;
        // The organizer follows on the event's attendance page (not a desk): it must update live too.
        var (organizerContext, organizer) = await fixture.NewSignedInPageAsync(Organizer, OrganizerPage(eventId, start), viewport);
        await using var ___ = organizerContext;
        await Expect(desk.GetByTestId("count-expected")).ToHaveTextAsync("3");
        await Expect(organizer.GetByTestId("attendance-live").GetByTestId("count-checked-in")).ToHaveTextAsync("0");

        await desk.GetByTestId("desk-search").FillAsync(guest[..12]);
        await desk.GetByTestId("expected-person").Filter(new() { HasText = guest }).GetByTestId("manual-check-in").ClickAsync();

        await Expect(desk.GetByTestId("verdict")).ToContainTextAsync($"{guest} checked in at");
        await Expect(otherDesk.GetByTestId("count-checked-in")).ToHaveTextAsync("1");
        await Expect(otherDesk.GetByTestId("last-scan").First).ToContainTextAsync(guest);
        await Expect(organizer.GetByTestId("attendance-live").GetByTestId("last-scan").First).ToContainTextAsync(guest);
        await Expect(organizer.GetByTestId("attendance-live").GetByTestId("count-checked-in")).ToHaveTextAsync("1");

        var ticket = await fixture.SendAsAsync<IssuedTicket>("desk1@oobc.gov.ph", new IssueTicket(listId, await IdOfAsync(secondEmail)));
        await otherDesk.GetByTestId("scan-input").FillAsync(ticket.Token);
        await otherDesk.GetByTestId("scan-input").PressAsync("Enter");
        await Expect(otherDesk.GetByTestId("verdict")).ToContainTextAsync($"{second} checked in at");
        await Expect(desk.GetByTestId("count-checked-in")).ToHaveTextAsync("2");
        await Expect(organizer.GetByTestId("attendance-live").GetByTestId("last-scan").First).ToContainTextAsync(second);
        await desk.GetByTestId("scan-input").FillAsync(ticket.Token);
        await desk.GetByTestId("scan-input").PressAsync("Enter");
        await Expect(desk.GetByTestId("verdict")).ToContainTextAsync("Already checked in at");

        await ShotAsync(desk, $"attendance-desk-{size}");
        await ShotsOfTheOtherScreensAsync(size, viewport, listId, eventId, start);
    }

    private async Task ShotsOfTheOtherScreensAsync(string size, ViewportSize viewport, Guid listId, Guid eventId, DateTimeOffset start)
    {
        var (context, page) = await fixture.NewSignedInPageAsync(Organizer, OrganizerPage(eventId, start), viewport);
        await using var _ = context;
        await Expect(page.GetByTestId("open-desk")).ToBeVisibleAsync();
        await ShotAsync(page, $"attendance-settings-{size}");

        await page.GotoAsync("/attendance");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("open-list").First).ToBeVisibleAsync();
        await ShotAsync(page, $"attendance-home-{size}");

        await page.GotoAsync($"/attendance/door/{listId}");
        await page.WaitForInteractiveAsync();
        var qr = page.GetByTestId("door-qr");
        await Expect(qr).ToBeVisibleAsync();
        await ShotAsync(page, $"attendance-door-{size}");
        var doorUrl = await qr.GetAttributeAsync("data-url");

        await page.GotoAsync($"/attendance/tickets/{listId}");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("ticket")).ToHaveCountAsync(3);
        await ShotAsync(page, $"attendance-tickets-{size}");

        // A guest opens the door link: the short form, then "You are checked in".
        var (guestContext, guestPage) = await fixture.NewPageAsync(viewport);
        await using var __ = guestContext;
        await guestPage.GotoAsync(new Uri(doorUrl!).PathAndQuery);
        await Expect(guestPage.GetByTestId("guest-form")).ToBeVisibleAsync();
        await ShotAsync(guestPage, $"attendance-self-guest-{size}");
        await guestPage.GetByTestId("guest-name").FillAsync($"Walk-in guest {size}");
        await guestPage.GetByTestId("guest-organisation").FillAsync("Barangay Poblacion");
        await guestPage.GetByTestId("guest-submit").ClickAsync();
        await Expect(guestPage.GetByTestId("self-result")).ToContainTextAsync("You are checked in");
        await ShotAsync(guestPage, $"attendance-self-done-{size}");
    }

    private static string OrganizerPage(Guid eventId, DateTimeOffset start) =>
        $"/attendance/event/{eventId}?occurrence={Uri.EscapeDataString(start.ToUniversalTime().ToString("O"))}";

    private async Task ShotAsync(IPage page, string name)
    {
        if (page.ViewportSize?.Width == BrowserFixture.Phone.Width)
        {
            await page.WaitForDrawerClosedAsync();
        }

        var path = Path.Combine(fixture.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private Task<(Guid ListId, Guid EventId, DateTimeOffset Start)> OpenAttendanceAsync(string size, params string[] participantEmails) =>
        fixture.OpenAttendanceNowAsync(Organizer, $"Barangay consultation ({size})", participantEmails);

    private Task<Guid> IdOfAsync(string email) => fixture.IdOfAsync(email);
}
