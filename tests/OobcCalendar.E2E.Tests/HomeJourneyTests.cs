using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>Home as the page people open first: an invitation arrives on "My day" while it is open, and is answered there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_WhenAColleagueInvitesMeWhileItIsOpen_ThenMyDayShowsItUnansweredAndAcceptsIt()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // Manila, which keeps no daylight saving
        var title = $"Home check {Guid.NewGuid().ToString("N")[..6]}";
        var (guestContext, guest) = await fixture.NewSignedInPageAsync("staff3@oobc.gov.ph", "/", BrowserFixture.Desktop);
        await using var _ = guestContext;
        var myDay = guest.Locator("[data-testid=my-day][data-interactive=true]");
        await Expect(myDay).ToBeVisibleAsync();

        // Another person, in another browser, invites them for today (late, so it is still ahead for most of the day).
        var (organizerContext, organizer) = await fixture.OpenCalendarAsync("manager.ops@oobc.gov.ph", CalendarActions.Monday(0));
        await using var __ = organizerContext;
        await organizer.QuickAddWithAsync(string.Create(CultureInfo.InvariantCulture, $"{title} on {today:MMMM d yyyy} at 11pm with Tomas"), "Tomas Reyes");

        // No reload: the card re-reads on the live notice.
        var item = myDay.GetByTestId("my-day-item").Filter(new() { HasText = title });
        await Expect(item).ToBeVisibleAsync();
        await Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("oobc-my-day-pending"));
        await Expect(item).ToContainTextAsync("11:00 PM");
        await guest.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, "home-staff-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        await item.GetByTestId("my-day-accept").ClickAsync();
        await Expect(guest.GetByText("Answer saved: Accepted.")).ToBeVisibleAsync();
        await Expect(item).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("oobc-my-day-pending"));
        await Expect(item.GetByTestId("my-day-accept")).ToHaveCountAsync(0);

        // The phone picture last: resizing to the phone and back re-lays the page (the drawer closes and opens again
        // after a server round trip), and a click right after it could land while the button was still moving.
        await guest.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await Expect(item).ToBeVisibleAsync();
        await guest.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, "home-staff-phone.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    [Fact]
    public async Task Home_WhenADeskAccountOpensIt_ThenShowsNoStaffCards()
    {
        var (context, desk) = await fixture.NewSignedInPageAsync("desk1@oobc.gov.ph", "/", BrowserFixture.Desktop);
        await using var _ = context;

        await Expect(desk.GetByTestId("home-goto")).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("home-section")).ToHaveCountAsync(0);
        await desk.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, "home-desk-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
