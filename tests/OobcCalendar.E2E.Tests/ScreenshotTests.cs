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
            await Expect(admin.Locator(".oobc-tile").First).ToBeVisibleAsync();
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
