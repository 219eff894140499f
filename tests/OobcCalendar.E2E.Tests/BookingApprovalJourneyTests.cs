using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// A request for a room that needs approval, followed live on two screens: the approver's dashboard and the
/// requester's My bookings, both open throughout and never reloaded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingApprovalJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task RequestRoom_WhenApproverApproves_ThenBothScreensUpdateWithoutReload()
    {
        var purpose = $"Regional planning {Guid.NewGuid():N}"[..30];
        var start = PageActions.WeekdayAt(weekdaysAhead: 7, hour: 10);

        // The approver watches the dashboard; a marker on the window proves it is never reloaded.
        var (managerContext, manager) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", "/resources/approvals");
        await using var _ = managerContext;
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Booking approvals" })).ToBeVisibleAsync();
        await manager.EvaluateAsync("window.__sameDocument = true");
        var waitingBefore = await manager.PendingBadgeAsync();

        // The requester keeps My bookings open in one tab and books in another.
        var (staffContext, bookings) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph", "/resources/bookings");
        await using var __ = staffContext;
        await Expect(bookings.GetByRole(AriaRole.Heading, new() { Name = "My bookings" })).ToBeVisibleAsync();
        await bookings.EvaluateAsync("window.__sameDocument = true");
        var form = await staffContext.NewPageAsync();
        await form.GotoAsync("/resources");
        await form.WaitForInteractiveAsync();
        var hall = await form.ResourceIdAsync("Training Hall");
        await form.RequestBookingAsync(hall, start, start.AddHours(1), purpose);

        // Request: it reaches the approver, the drawer count and the requester's other tab, all live.
        var request = manager.ApprovalRow(purpose);
        await Expect(request).ToBeVisibleAsync();
        await manager.ExpectPendingBadgeAsync(waitingBefore + 1);
        await Expect(bookings.BookingRow(purpose).GetByTestId("booking-status")).ToHaveTextAsync("Pending");

        await request.GetByTestId("approve").ClickAsync();

        // Decision: gone from the dashboard, Approved for the requester.
        await Expect(request).ToHaveCountAsync(0);
        await Expect(manager.Locator(".mud-snackbar")).ToContainTextAsync("Approved 1 request.");
        await Expect(bookings.BookingRow(purpose).GetByTestId("booking-status")).ToHaveTextAsync("Approved");
        await manager.ExpectPendingBadgeAsync(waitingBefore);
        (await manager.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("the dashboard was reloaded");
        (await bookings.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("My bookings was reloaded");
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task RejectRequest_WhenRequesterHasMyBookingsOpen_ThenItStaysWithItsReasonUntilDismissed(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var purpose = $"Budget hearing {Guid.NewGuid():N}"[..30];
        // Each size on its own day: the Training Hall's buffers would join neighbouring hours.
        var start = PageActions.WeekdayAt(weekdaysAhead: size == "phone" ? 14 : 12, hour: 15);
        var (staffContext, bookings) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph", "/resources", viewport);
        await using var _ = staffContext;
        var hall = await bookings.ResourceIdAsync("Training Hall");
        await bookings.RequestBookingAsync(hall, start, start.AddHours(1), purpose);

        var (managerContext, manager) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", "/resources/approvals");
        await using var __ = managerContext;
        await manager.ApprovalRow(purpose).GetByTestId("reject").ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("reject-reason").FillAsync("The hall is being repainted that week");
        await dialog.GetByTestId("confirm-reject").ClickAsync();

        // The requester's open list turns the row Rejected with the reason, live, instead of dropping it.
        var row = bookings.BookingRow(purpose);
        await Expect(row.GetByTestId("booking-status")).ToHaveTextAsync("Rejected");
        await Expect(row.GetByTestId("booking-reason")).ToHaveTextAsync("Reason: The hall is being repainted that week");
        await bookings.DismissSnackbarsAsync();
        await ShootAsync(bookings, $"resources-my-bookings-rejected-{size}.png", size);
        await row.GetByTestId("booking-dismiss").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // Dismissed is remembered: a fresh visit does not bring it back.
        await bookings.GotoAsync("/resources/bookings");
        await bookings.WaitForInteractiveAsync();
        await Expect(bookings.GetByRole(AriaRole.Heading, new() { Name = "My bookings" })).ToBeVisibleAsync();
        await Expect(bookings.GetByTestId("booking-row").First.Or(bookings.GetByTestId("bookings-empty-book"))).ToBeVisibleAsync();
        await Expect(bookings.BookingRow(purpose)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OpenAnyPage_WhenRequestsWait_ThenDrawerCountIsThereFromFirstPaintToCircuit()
    {
        var (staffContext, staff) = await fixture.NewSignedInPageAsync("staff2@oobc.gov.ph", "/resources");
        await using var _ = staffContext;
        var hall = await staff.ResourceIdAsync("Training Hall");
        var start = PageActions.WeekdayAt(weekdaysAhead: 9, hour: 9);
        await staff.RequestBookingAsync(hall, start, start.AddHours(1), "Drawer count check");

        var (managerContext, manager) = await fixture.NewPageAsync();
        await using var __ = managerContext;
        // Records whether the counter was on the page in the very render that made the circuit live: the
        // prerendered count must carry over, not blink out while the circuit counts again.
        await manager.AddInitScriptAsync("""
            new MutationObserver((_, observer) => {
              if (document.querySelector('.oobc-content[data-interactive=true]')) {
                window.__badgeAtInteractive = !!document.querySelector('[data-testid="nav-badge-approvals.pending"]');
                observer.disconnect();
              }
            }).observe(document, { subtree: true, childList: true, attributes: true });
            """);
        await manager.SignInAsync("manager.ops@oobc.gov.ph");

        await Expect(manager.GetByTestId("nav-badge-approvals.pending")).ToBeVisibleAsync();
        (await manager.EvaluateAsync<bool>("window.__badgeAtInteractive === true")).ShouldBeTrue("the counter blinked out when the circuit started");
    }

    private async Task ShootAsync(IPage page, string file, string size)
    {
        if (size == "phone")
        {
            await page.WaitForDrawerClosedAsync();
        }

        var path = Path.Combine(fixture.ScreenshotFolder, file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
