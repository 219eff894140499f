using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Pending and approved bookings on the combined calendar (issue 10, item 4): a request still waiting is outlined,
/// an approved one filled, the legend says which is which, and the details say "Pending" in words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PendingBookingLookTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Calendar_WhenOneBookingWaitsAndOneIsApproved_ThenThePendingOneIsOutlinedAndSaysSo()
    {
        // A new user and a weekday no other journey books: the week shows these two bookings and nothing else of theirs.
        var approved = PageActions.WeekdayAt(weekdaysAhead: 25, hour: 15);
        var pending = approved.AddHours(1);
        var day = DateOnly.FromDateTime(approved.DateTime);
        var email = await fixture.CreateFreshUserAsync("Pending Look Tester");
        var (context, page) = await fixture.NewSignedInPageAsync(email, "/resources");
        await using var _ = context;
        var huddle = await page.ResourceIdAsync("Huddle Room 1");
        var hall = await page.ResourceIdAsync("Training Hall");
        await page.RequestBookingAsync(huddle, approved, approved.AddHours(1), "Approved look check");
        await page.RequestBookingAsync(hall, pending, pending.AddHours(1), "Pending look check");
        await Expect(page.BookingRow("Pending look check").GetByTestId("booking-status")).ToHaveTextAsync("Pending");

        await page.GotoAsync(CalendarActions.CalendarPath(day));
        await page.WaitForCalendarAsync();
        var waiting = await page.EntryOnDayAsync("Pending look check", day);
        var confirmed = await page.EntryOnDayAsync("Approved look check", day);

        await Expect(waiting).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boobc-pending\b"));
        await Expect(confirmed).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boobc-pending\b"));
        (await OutlineAsync(waiting)).ShouldBe("dashed");
        (await OutlineAsync(confirmed)).ShouldNotBe("dashed");
        (await waiting.GetAttributeAsync("aria-label") ?? string.Empty).ShouldContain("pending approval");
        await Expect(page.GetByTestId("legend-pending")).ToContainTextAsync("Outlined: pending approval");
        await Expect(page.GetByTestId("legend-approved")).ToContainTextAsync("Filled");
        await ShootAsync(page, "calendar-bookings-pending", "desktop");

        await waiting.ClickAsync();
        var details = page.GetByTestId("entry-details");
        await Expect(details.GetByTestId("entry-pending")).ToHaveTextAsync("Pending approval");
        await Expect(details.GetByTestId("booking-entry-details")).ToContainTextAsync("Pending");
        await ShootAsync(page, "calendar-booking-pending-details", "desktop");
    }

    private static Task<string> OutlineAsync(ILocator entry) => entry.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{name}-{size}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
