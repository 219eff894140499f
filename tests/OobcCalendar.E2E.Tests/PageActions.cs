using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>What a person does in the browser, written once so the tests read as journeys.</summary>
internal static partial class PageActions
{
    /// <summary>Fills the sign-in form and submits it (the form is plain server-rendered HTML).</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in from the sign-in page and waits until the app shell is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = BrowserFixture.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.SubmitSignInAsync(email, password);
        await Expect(page).Not.ToHaveURLAsync(LoginPage());
        await page.WaitForInteractiveAsync();
    }

    /// <summary>MainLayout marks its content once the circuit is live: clicks before that would be lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator(".oobc-content[data-interactive=true]")).ToBeAttachedAsync();

    /// <summary>
    /// Moves to another page inside the running circuit, as a click on a link would: no new page load,
    /// so no new circuit (several times faster than a fresh page load). The caller waits for the content.
    /// </summary>
    public static async Task NavigateInAppAsync(this IPage page, string path)
    {
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
    }

    public static ILocator Nav(this IPage page) => page.GetByTestId("nav");

    public static ILocator NavLink(this IPage page, string title) =>
        page.Nav().GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    /// <summary>Opens the Users page's Add-user dialog and returns it.</summary>
    public static async Task<ILocator> OpenAddUserDialogAsync(this IPage page)
    {
        await page.GetByTestId("add-user").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add user" });
        await Expect(dialog.GetByTestId("user-name")).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Ticks one more role in the dialog's multi-select, then closes its list.</summary>
    public static async Task ChooseRoleAsync(this IPage page, ILocator dialog, string role)
    {
        await dialog.GetByTestId("user-roles-select").ClickAsync();
        var option = page.Locator(".mud-popover-open").GetByText(role, new() { Exact = true });
        await option.ClickAsync();
        // The list stays open for more choices; close it only once the server has taken this one.
        await Expect(dialog.GetByTestId("user-roles-select")).ToHaveValueAsync(new Regex($@"\b{Regex.Escape(role)}\b"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// On a phone the responsive drawer closes itself once the circuit learns the viewport width (it is
    /// hidden by CSS until then). Wait for that rather than toggling it, which would race with it.
    /// </summary>
    public static Task WaitForDrawerClosedAsync(this IPage page) =>
        Expect(page.Locator(".mud-drawer.mud-drawer--open")).ToHaveCountAsync(0);

    /// <summary>Closes every snackbar on the page and waits until they are gone.</summary>
    public static async Task DismissSnackbarsAsync(this IPage page)
    {
        // All at once in the page: one by one raced with snackbars leaving on their own.
        await page.EvaluateAsync("document.querySelectorAll('.mud-snackbar .mud-snackbar-close-button').forEach(b => b.click())");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    public static partial Regex LoginPage();
}
