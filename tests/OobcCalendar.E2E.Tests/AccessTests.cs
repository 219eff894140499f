using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>Pages a person may not open, and addresses that do not exist, get friendly pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OpenAdminPage_WhenStaff_ThenAccessDeniedMessageNotStackTrace()
    {
        var (context, page) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph");
        await using var _ = context;

        // Inside the running app (a link or a typed route change): the router's own panel.
        await page.NavigateInAppAsync("/admin/users");
        await Expect(page.GetByText("You don't have access to this page")).ToBeVisibleAsync();

        // A fresh request: the cookie handler sends the browser to the access-denied page.
        var response = await page.GotoAsync("/admin/users");

        await Expect(page.GetByText("You don't have access")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to Home" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("users-table")).ToHaveCountAsync(0);
        var text = await page.Locator("body").InnerTextAsync();
        text.ShouldNotContain("Exception");
        text.ShouldNotContain("   at ");
        response!.Status.ShouldBeLessThan(500);
    }

    [Fact]
    public async Task OpenUnknownAddress_WhenSignedIn_ThenFriendlyNotFoundPage()
    {
        var (context, page) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph");
        await using var _ = context;

        var response = await page.GotoAsync("/no/such/page");

        response!.Status.ShouldBe(404);
        await Expect(page.GetByText("We couldn't find that page")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Home" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/").ToString());
    }
}
