using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OobcCalendar.Testing;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>
/// A browser stand-in without redirects: its cookie jar is visible, so a test can keep a copy of the sign-in
/// cookie and replay it later, as an attacker holding a stolen cookie would.
/// </summary>
internal sealed partial class CookieClient : IDisposable
{
    public static readonly Uri Base = new("http://localhost");

    public CookieClient(OobcAppFactory app) => Http = app.CreateDefaultClient(Base, new CookieContainerHandler(Jar));

    public CookieContainer Jar { get; } = new();

    public HttpClient Http { get; }

    /// <summary>The Cookie header this client sends now.</summary>
    public string CookieHeader => Jar.GetCookieHeader(Base);

    public static async Task<CookieClient> SignedInAsync(OobcAppFactory app, string email, string password = "Oobc!Demo2026")
    {
        var client = new CookieClient(app);
        await client.Http.SignInAsync(email, password);
        return client;
    }

    /// <summary>A form token for this client's user, read from the sign-in form like a page of the app would carry it.</summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        var form = await Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        return WebUtility.HtmlDecode(Token().Match(form).Groups["value"].Value);
    }

    public async Task<HttpResponseMessage> LogoutAsync(bool withToken)
    {
        var fields = new Dictionary<string, string>();
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync();
        }

        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri("/account/logout", UriKind.Relative), content);
    }

    /// <summary>A GET carrying exactly <paramref name="cookieHeader"/>, from a client without a jar.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(OobcAppFactory app, string path, string cookieHeader)
    {
        using var client = app.CreateDefaultClient(Base);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"\\s+value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Token();
}
