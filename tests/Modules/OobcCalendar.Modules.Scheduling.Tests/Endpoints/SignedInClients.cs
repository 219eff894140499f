using Microsoft.AspNetCore.Mvc.Testing;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Endpoints;

/// <summary>
/// HTTP clients that keep cookies and show redirects, signed in through the real form as a browser would be,
/// for tests that hold an <see cref="OobcAppFactory"/> rather than a <see cref="ModuleFixture"/> (which has the same).
/// </summary>
internal static class SignedInClients
{
    public const string DemoPassword = ModuleFixture.DemoPassword;

    public static HttpClient Anonymous(OobcAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(OobcAppFactory app, string email)
    {
        var client = Anonymous(app);
        await client.SignInAsync(email, DemoPassword);
        return client;
    }
}
