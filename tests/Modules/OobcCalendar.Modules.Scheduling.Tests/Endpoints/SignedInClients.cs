using Microsoft.AspNetCore.Mvc.Testing;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Endpoints;

/// <summary>HTTP clients that keep cookies, signed in through the real form as a browser would be.</summary>
internal static class SignedInClients
{
    public const string DemoPassword = "Oobc!Demo2026";

    /// <summary>Shows redirects instead of following them, to see where a signed-out request is sent.</summary>
    public static HttpClient Anonymous(OobcAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(OobcAppFactory app, string email)
    {
        // Follows redirects, as the shared sign-in helper expects (it checks where the form sent it).
        var client = app.CreateClient();
        await client.SignInAsync(email, DemoPassword);
        return client;
    }
}
