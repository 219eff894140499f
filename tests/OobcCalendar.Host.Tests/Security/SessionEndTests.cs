using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Identity;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Findings 1 and 5: a session ends on the server, and only the app itself can end it.</summary>
public sealed class SessionEndTests(SecurityHostFixture fixture) : IClassFixture<SecurityHostFixture>
{
    private const string Feed = "/api/calendar/events?start=2026-12-01&end=2026-12-08";

    [Fact]
    public async Task OldCookie_WhenUserSignedOut_NoLongerOpensCalendarOrFeed()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff1@oobc.gov.ph");
        var stolen = client.CookieHeader;
        (await CookieClient.GetWithCookieAsync(fixture.App, "/calendar", stolen)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logout = await client.LogoutAsync(withToken: true);

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        logout.Headers.Location!.OriginalString.ShouldBe("/account/login?signedOut=1");
        var page = await CookieClient.GetWithCookieAsync(fixture.App, "/calendar", stolen);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        (await CookieClient.GetWithCookieAsync(fixture.App, Feed, stolen)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_WhenPostedWithoutAntiforgeryToken_IsRefusedAndSessionStays()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff2@oobc.gov.ph");

        var logout = await client.LogoutAsync(withToken: false);

        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CookieClient.GetWithCookieAsync(fixture.App, Feed, client.CookieHeader)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OldCookie_WhenUserDeactivated_IsRefused()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff3@oobc.gov.ph");

        await WithUserAsync("staff3@oobc.gov.ph", async (users, user) =>
        {
            // Only the flag, no stamp change: the request check reads IsActive itself.
            user.IsActive = false;
            await users.UpdateAsync(user);
        });

        (await CookieClient.GetWithCookieAsync(fixture.App, Feed, client.CookieHeader)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OldCookie_WhenPasswordChanged_IsRefused()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff4@oobc.gov.ph");

        await WithUserAsync("staff4@oobc.gov.ph", async (users, user) =>
            (await users.ChangePasswordAsync(user, DemoData.Password, "Another!Pass2026")).Succeeded.ShouldBeTrue());

        (await CookieClient.GetWithCookieAsync(fixture.App, Feed, client.CookieHeader)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task WithUserAsync(string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await change(users, user);
    }
}
