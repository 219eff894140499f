using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Endpoints;

/// <summary>HTTP clients signed in through the real sign-in form, as a browser would be (cookie, antiforgery token).</summary>
internal static partial class SignedInClients
{
    public const string DemoPassword = "Oobc!Demo2026";

    public static HttpClient Anonymous(OobcAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(OobcAppFactory app, string email)
    {
        var client = Anonymous(app);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = DemoPassword,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
