using System.Net;
using System.Text.Json;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Findings 4, 9 and 11: the Blazor hub refuses foreign origins, a foreign Host is refused, health tells anonymous callers only the status.</summary>
public sealed class PipelineGuardTests(SecurityHostFixture fixture) : IClassFixture<SecurityHostFixture>
{
    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task BlazorNegotiate_WithOrigin_OnlyOwnOriginIsServed(string origin, HttpStatusCode expected)
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff1@oobc.gov.ph");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);

        var response = await client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task BlazorWebSocketUpgrade_WithForeignOrigin_IsRefusedBeforeTheHub()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "staff2@oobc.gov.ph");
        using var foreign = Upgrade("http://evil.example");
        using var own = Upgrade("http://localhost");

        var refused = await client.Http.SendAsync(foreign);
        var reached = await client.Http.SendAsync(own);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The hub itself answers the own origin (no such connection id): anything but the origin refusal.
        reached.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Redirect_WithForeignHostHeader_IsRefusedNotFollowed()
    {
        using var client = fixture.App.CreateDefaultClient(CookieClient.Base);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/calendar", UriKind.Relative));
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task HealthReady_WhenAnonymous_ShowsStatusOnly()
    {
        using var client = fixture.App.CreateDefaultClient(CookieClient.Base);

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        body.RootElement.TryGetProperty("checks", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task HealthReady_WhenNotAdmin_ShowsStatusOnly()
    {
        using var client = await CookieClient.SignedInAsync(fixture.App, "manager.ops@oobc.gov.ph");

        var body = await client.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        body.ShouldNotContain("checks");
    }

    private static HttpRequestMessage Upgrade(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/_blazor?id=no-such-connection", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Connection", "Upgrade");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        return request;
    }
}
