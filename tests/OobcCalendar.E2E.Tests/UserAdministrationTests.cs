using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>An Admin adds people through the Users page dialog.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AddUser_WhenAdminFillsTheDialog_ThenUserAppearsLiveAndCanSignIn()
    {
        const string name = "Hadji Piang Lumbatan";
        const string email = "hadji.lumbatan@oobc.gov.ph";
        const string password = "Welcome2Oobc";
        var (adminContext, admin) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/admin/users");
        await using var _ = adminContext;
        await Expect(admin.GetByTestId("users-table")).ToContainTextAsync("Amina Datu");

        var dialog = await admin.OpenAddUserDialogAsync();
        await dialog.GetByTestId("user-name").FillAsync(name);
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByTestId("user-password").FillAsync(password);
        await admin.ChooseRoleAsync(dialog, "Manager");
        await dialog.GetByTestId("user-save").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync($"{name} can now sign in as {email}.");
        var row = admin.GetByTestId("users-table").Locator("tr", new() { HasText = email });
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync("Manager");
        await Expect(row).ToContainTextAsync("Staff");

        // The new person, in a browser of their own.
        var (userContext, user) = await fixture.NewPageAsync();
        await using var __ = userContext;
        await user.SignInAsync(email, password);
        // Signing in lands on the calendar; the greeting is on Home. A click on the link works whether or not the
        // circuit has taken over yet (it is a plain link underneath).
        await user.NavLink("Home").ClickAsync();
        await Expect(user).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Expect(user.Locator(".oobc-page-title")).ToContainTextAsync(", Hadji");
        await Expect(user.Locator(".oobc-user-name")).ToHaveTextAsync(name);
        await Expect(user.NavLink("My team")).ToBeVisibleAsync();
        await Expect(user.NavLink("Users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AddUser_WhenInputIsInvalid_ThenFieldsExplainAndNothingIsCreated()
    {
        var (context, page) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/admin/users");
        await using var _ = context;
        var rows = page.GetByTestId("users-table").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();

        // Nothing filled in: the form itself asks for the required fields.
        var dialog = await page.OpenAddUserDialogAsync();
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog.GetByText("Enter the person's name.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Enter an email address.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Enter an initial password.")).ToBeVisibleAsync();

        // Filled in badly: the server's validator answers under each field.
        await dialog.GetByTestId("user-name").FillAsync("Not Created");
        await dialog.GetByTestId("user-email").FillAsync("not-an-email");
        await dialog.GetByTestId("user-password").FillAsync("short");
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog.GetByText("Enter a valid email address, like juan.delacruz@oobc.gov.ph.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("The password needs at least 8 characters.")).ToBeVisibleAsync();
        await Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId("users-table")).Not.ToContainTextAsync("Not Created");
        await Expect(rows).ToHaveCountAsync(before);
    }
}
