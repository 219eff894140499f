using System.Net;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Finding 7: feeds and downloads are limited per user, with Retry-After (sign-in: <see cref="SignInRateLimitTests"/>).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private OobcAppFactory app = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("ratelimit");
        var limit = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app = new OobcAppFactory(connectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Feeds:PermitLimit"] = limit,
            ["RateLimits:Exports:PermitLimit"] = limit,
            ["RateLimits:Feeds:Window"] = "00:10:00",
            ["RateLimits:Exports:Window"] = "00:10:00",
        });
        app.Start();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Feed_WhenUserAsksMoreThanTheLimit_Answers429ProblemDetailsForThatUserOnly()
    {
        using var staff = await CookieClient.SignedInAsync(app, "staff2@oobc.gov.ph");
        using var other = await CookieClient.SignedInAsync(app, "staff3@oobc.gov.ph");
        var feed = new Uri("/api/calendar/bookings?start=2026-12-01&end=2026-12-08", UriKind.Relative);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = default!;
        for (var i = 0; i <= Limit; i++)
        {
            last = await staff.Http.GetAsync(feed);
            statuses.Add(last.StatusCode);
        }

        statuses.Take(Limit).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[Limit].ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        last.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await other.Http.GetAsync(feed)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Export_WhenUserDownloadsMoreThanTheLimit_Answers429()
    {
        using var staff = await CookieClient.SignedInAsync(app, "staff4@oobc.gov.ph");
        var export = new Uri("/scheduling/calendar.ics?start=2026-12-01&end=2026-12-08", UriKind.Relative);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            statuses.Add((await staff.Http.GetAsync(export)).StatusCode);
        }

        statuses.Take(Limit).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[Limit].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
