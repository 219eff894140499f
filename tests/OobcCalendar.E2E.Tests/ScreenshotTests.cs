using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Takes the screenshots a person reviews by eye (artifacts/screenshots/NAME-desktop.png and NAME-phone.png),
/// waiting each time for the page's real content, not for a spinner. Also proves that every page renders
/// at phone width with the drawer out of the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Screens_WhenVisitedAtSize_ThenScreenshotsAreSaved(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;

        var (anonymousContext, anonymous) = await fixture.NewPageAsync(viewport);
        await using (anonymousContext)
        {
            await anonymous.GotoAsync("/account/login");
            await Expect(anonymous.Locator("#email")).ToBeVisibleAsync();
            await ShootAsync(anonymous, "sign-in", size);
            await anonymous.SubmitSignInAsync("nobody@oobc.gov.ph", "wrong-password");
            await Expect(anonymous.GetByTestId("login-error")).ToBeVisibleAsync();
            await ShootAsync(anonymous, "sign-in-error", size);
        }

        // One circuit for all the Admin's pages: moving inside it is what a person clicking links does.
        var (adminContext, admin) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/", viewport);
        await using (adminContext)
        {
            await Expect(admin.Locator("[data-testid=home-section]:not([hidden])").First).ToBeVisibleAsync();
            await ShootAsync(admin, "home-admin", size);

            await admin.NavigateInAppAsync("/directory");
            await Expect(admin.Locator("table").GetByText("Amina Datu")).ToBeVisibleAsync();
            await ShootAsync(admin, "directory", size);

            await admin.NavigateInAppAsync("/admin/users");
            await Expect(admin.GetByTestId("users-table").GetByText("Amina Datu")).ToBeVisibleAsync();
            await ShootAsync(admin, "admin-users", size);

            var dialog = await admin.OpenAddUserDialogAsync();
            await ShootAsync(admin, "add-user-dialog", size);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await admin.NavigateInAppAsync("/admin/integration-events");
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Dead letters", Exact = true })).ToBeVisibleAsync();
            await ShootAsync(admin, "integration-events", size);

            await admin.NavigateInAppAsync("/admin/system");
            await Expect(admin.Locator("[data-testid^=health-]").First).ToBeVisibleAsync();
            await ShootAsync(admin, "system-status", size);

            await admin.NavigateInAppAsync("/no/such/page");
            await Expect(admin.GetByText("We couldn't find that page")).ToBeVisibleAsync();
            await ShootAsync(admin, "not-found", size);
        }

        var (managerContext, manager) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", "/team", viewport);
        await using (managerContext)
        {
            await Expect(manager.Locator("table").GetByText("Jamal Usman")).ToBeVisibleAsync();
            await ShootAsync(manager, "my-team", size);
        }

        var (staffContext, staff) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph", "/admin/users", viewport, interactive: false);
        await using (staffContext)
        {
            await Expect(staff.GetByText("You don't have access")).ToBeVisibleAsync();
            await ShootAsync(staff, "access-denied", size);
        }
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task ResourcePages_WhenVisitedAtSize_ThenScreenshotsAreSaved(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        // Each size books its own hours, so the two runs never want the same slot.
        var hour = size == "phone" ? 13 : 9;
        var approved = PageActions.WeekdayAt(weekdaysAhead: 8, hour);
        var pending = approved.AddHours(1);
        var day = approved.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (staffContext, staff) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph", "/resources", viewport);
        await using (staffContext)
        {
            await Expect(staff.GetByTestId("resource-card").First).ToBeVisibleAsync();
            await ShootAsync(staff, "resources-directory", size);

            var huddle = await staff.ResourceIdAsync("Huddle Room 1");
            var hall = await staff.ResourceIdAsync("Training Hall");
            await staff.NavigateInAppAsync($"/resources/book/{hall}");
            await Expect(staff.GetByTestId("availability-panel").GetByTestId("availability-free").Or(staff.GetByTestId("availability-busy"))).ToBeVisibleAsync();
            await ShootAsync(staff, "resources-book", size);

            await staff.RequestBookingAsync(huddle, approved, approved.AddHours(1), $"Team sync ({size})");
            await staff.RequestBookingAsync(hall, pending, pending.AddHours(2), $"Quarterly review with partners ({size})");
            await Expect(staff.BookingRow($"Quarterly review with partners ({size})")).ToBeVisibleAsync();
            // The confirmations did their job; out of the way, they no longer hide the rows under review.
            await staff.DismissSnackbarsAsync();
            await ShootAsync(staff, "resources-my-bookings", size);

            await staff.NavigateInAppAsync($"/resources/timeline?date={day}");
            await Expect(staff.GetByTestId("timeline-grid")).ToContainTextAsync($"Team sync ({size})");
            await ShootAsync(staff, "resources-timeline-day", size);
            await staff.NavigateInAppAsync($"/resources/timeline?date={day}&view=week");
            await Expect(staff.GetByTestId("timeline-title")).ToContainTextAsync("–");
            await ShootAsync(staff, "resources-timeline-week", size);
        }

        var (newcomerContext, newcomer) = await fixture.NewSignedInPageAsync("staff3@oobc.gov.ph", "/resources/bookings", viewport);
        await using (newcomerContext)
        {
            await Expect(newcomer.GetByTestId("bookings-empty-book")).ToBeVisibleAsync();
            await ShootAsync(newcomer, "resources-my-bookings-empty", size);
        }

        var (managerContext, manager) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", "/resources/approvals", viewport);
        await using (managerContext)
        {
            await Expect(manager.ApprovalRow($"Quarterly review with partners ({size})")).ToBeVisibleAsync();
            await ShootAsync(manager, "resources-approvals", size);

            await manager.NavigateInAppAsync("/resources/utilisation");
            await Expect(manager.GetByTestId("utilisation-table")).ToContainTextAsync("Training Hall");
            await ShootAsync(manager, "resources-utilisation", size);
        }

        var (adminContext, admin) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/resources/manage", viewport);
        await using (adminContext)
        {
            await Expect(admin.GetByTestId("resources-table")).ToContainTextAsync("Training Hall");
            await ShootAsync(admin, "resources-manage", size);

            await admin.GetByTestId("add-resource").ClickAsync();
            var editor = admin.GetByRole(AriaRole.Dialog);
            await Expect(editor.GetByTestId("resource-name")).ToBeVisibleAsync();
            await ShootAsync(admin, "resources-editor", size);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
            await Expect(editor).ToBeHiddenAsync();

            await admin.GetByRole(AriaRole.Tab, new() { Name = "Blackouts" }).ClickAsync();
            await admin.GetByTestId("add-blackout").ClickAsync();
            var blackout = admin.GetByRole(AriaRole.Dialog);
            await blackout.GetByTestId("blackout-reason").FillAsync($"Aircon maintenance ({size})");
            await ShootAsync(admin, "resources-blackout-editor", size);
            await blackout.GetByTestId("blackout-save").ClickAsync();
            await Expect(blackout).ToBeHiddenAsync();
            await Expect(admin.GetByTestId("blackouts-table")).ToContainTextAsync($"Aircon maintenance ({size})");
            await admin.DismissSnackbarsAsync();
            await ShootAsync(admin, "resources-blackouts", size);
        }
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task ManageResources_WhenVisitedAtSize_ThenTheTableFitsOrBecomesCards(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var (adminContext, admin) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/resources/manage", viewport);
        await using (adminContext)
        {
            var table = admin.GetByTestId("resources-table");
            await Expect(table).ToContainTextAsync("Training Hall");
            await ShootAsync(admin, "resources-manage-layout", size);
            var deactivate = table.GetByRole(AriaRole.Button, new() { Name = "Deactivate Training Hall", Exact = true });
            await deactivate.ScrollIntoViewIfNeededAsync();
            var button = await deactivate.BoundingBoxAsync() ?? throw new InvalidOperationException("the deactivate button has no box");
            var fits = await table.Locator(".mud-table-container").EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth");
            var pageFits = await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
            var cellDisplay = await table.GetByTestId("resource-row").First.EvaluateAsync<string>("el => getComputedStyle(el).display");

            fits.ShouldBeTrue("the resources table scrolls sideways");
            pageFits.ShouldBeTrue("the page scrolls sideways");
            button.X.ShouldBeGreaterThanOrEqualTo(0);
            (button.X + button.Width).ShouldBeLessThanOrEqualTo(viewport.Width, "the deactivate button is cut off on the right");
            if (size == "phone")
            {
                // Cards: no header row, each field on its own line with its label.
                await Expect(table.Locator("thead")).ToBeHiddenAsync();
                cellDisplay.ShouldNotBe("table-cell");
            }
            else
            {
                await Expect(table.Locator("thead")).ToBeVisibleAsync();
                cellDisplay.ShouldBe("table-cell");
            }
        }
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        if (size == "phone")
        {
            await page.WaitForDrawerClosedAsync();
        }

        var path = Path.Combine(fixture.ScreenshotFolder, $"{name}-{size}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
