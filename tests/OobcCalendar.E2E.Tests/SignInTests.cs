using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>Signing in and out, and what each role finds in the drawer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("admin@oobc.gov.ph", new[] { "Calendar", "Home", "Directory", "Users", "Integration events", "System status" }, new[] { "My team" })]
    [InlineData("manager.ops@oobc.gov.ph", new[] { "Calendar", "Home", "Directory", "My team" }, new[] { "Users", "Integration events", "System status" })]
    [InlineData("staff1@oobc.gov.ph", new[] { "Calendar", "Home", "Directory" }, new[] { "My team", "Users", "Integration events", "System status" })]
    [InlineData("desk1@oobc.gov.ph", new[] { "Home" }, new[] { "My team", "Users", "Integration events", "System status" })]
    public async Task SignIn_WhenRoleSignsIn_ThenDrawerShowsOnlyTheirEntries(string email, string[] visible, string[] hidden)
    {
        var (context, page) = await fixture.NewPageAsync();
        await using var _ = context;

        await page.SignInAsync(email);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/calendar").ToString());
        foreach (var title in visible)
        {
            await Expect(page.NavLink(title)).ToBeVisibleAsync();
        }

        // The drawer is rendered in one pass, so once the visible entries are there the hidden ones never come.
        foreach (var title in hidden)
        {
            await Expect(page.NavLink(title)).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task SignIn_WhenPasswordIsWrong_ThenErrorShowsAndStaysOnSignInPage()
    {
        var (context, page) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/account/login");

        await page.SubmitSignInAsync("staff2@oobc.gov.ph", "not-the-password");

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The email or password is incorrect, or the account is locked after too many attempts. Try again later or ask an administrator.");
        await Expect(page).ToHaveURLAsync(PageActions.LoginPage());
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/admin/users", "Users")]
    [InlineData("/", "Good")]
    public async Task OpenPage_WhenSignedOut_ThenRedirectsToSignInAndReturnsAfterSignIn(string path, string heading)
    {
        var (context, page) = await fixture.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(PageActions.LoginPage());
        await Expect(page.Locator("#email")).ToBeVisibleAsync();

        await page.SubmitSignInAsync("admin@oobc.gov.ph", BrowserFixture.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, path).ToString());
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".oobc-page-title")).ToContainTextAsync(heading);
    }

    [Fact]
    public async Task SignOut_WhenSignedIn_ThenBackOnSignInPageWithSignedOutMessage()
    {
        var (context, page) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SignInAsync("staff3@oobc.gov.ph");

        await page.GetByTestId("user-menu-button").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(PageActions.LoginPage());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");

        // The cookie is really gone: the app sends us back to sign in.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(PageActions.LoginPage());
    }

    [Fact]
    public async Task Drawer_WhenPhoneUserOpensItAndPicksAPage_ThenItNavigatesAndGetsOutOfTheWay()
    {
        var (context, page) = await fixture.NewPageAsync(BrowserFixture.Phone);
        await using var _ = context;
        await page.SignInAsync("staff4@oobc.gov.ph");
        await page.WaitForDrawerClosedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation" }).ClickAsync();
        await Expect(page.NavLink("Directory")).ToBeVisibleAsync();
        await page.NavLink("Directory").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/directory").ToString());
        await page.WaitForDrawerClosedAsync();
        await Expect(page.Locator(".oobc-page-title")).ToHaveTextAsync("Directory");
    }
}
