using System.Text.RegularExpressions;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Finding 8: headers on a page, a JSON feed and a download; the page's only inline script carries the nonce.</summary>
public sealed partial class SecurityHeaderTests(SecurityHostFixture fixture) : IClassFixture<SecurityHostFixture>
{
    [Fact]
    public async Task Page_WhenServed_HasPagePolicyAndEveryInlineScriptHasTheNonce()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff1@oobc.gov.ph");

        var response = await client.Http.GetAsync(new Uri("/calendar", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        AssertCommonHeaders(response);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("connect-src 'self' ws://localhost");
        csp.ShouldNotContain("'unsafe-eval'");
        var nonce = Nonce().Match(csp).Groups["n"].Value;
        nonce.ShouldNotBeEmpty();
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        inline.ShouldNotBeEmpty(); // Blazor's import map
        inline.ShouldAllBe(tag => tag.Contains($"nonce=\"{nonce}\""));
    }

    [Fact]
    public async Task Feed_WhenServed_IsNosniffWithNothingAllowed()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff2@oobc.gov.ph");

        var response = await client.Http.GetAsync(new Uri("/api/calendar/events?start=2026-12-01&end=2026-12-08", UriKind.Relative));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        AssertCommonHeaders(response);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    [Fact]
    public async Task Export_WhenServed_IsNosniffWithNothingAllowed()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff3@oobc.gov.ph");

        var response = await client.Http.GetAsync(new Uri("/scheduling/calendar.ics?start=2026-12-01&end=2026-12-08", UriKind.Relative));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        AssertCommonHeaders(response);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    [Fact]
    public async Task ServiceWorkerScript_WhenFetchedAsAWorker_MayReachItsOwnOriginOnly()
    {
        using var client = fixture.App.CreateClient();
        using var asWorker = new HttpRequestMessage(HttpMethod.Get, new Uri("/attendance/offline/sw.js", UriKind.Relative));
        asWorker.Headers.Add("Service-Worker", "script");

        var worker = await client.SendAsync(asWorker);
        var plain = await client.GetAsync(new Uri("/attendance/offline/sw.js", UriKind.Relative));

        AssertCommonHeaders(worker);
        worker.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self'; frame-ancestors 'none'");
        plain.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("microphone=()");
    }

    [GeneratedRegex("'nonce-(?<n>[^']+)'")]
    private static partial Regex Nonce();

    // A <script> start tag without src: an inline script.
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
