using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using Shouldly;
using Xunit.Abstractions;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>GET /api/calendar/events: FullCalendar JSON in the user's wall-clock time, clear 400s, no anonymous access.</summary>
public sealed class FeedEndpointTests(FeedEndpointFixture fixture, ITestOutputHelper output) : IClassFixture<FeedEndpointFixture>
{
    private static Uri Feed(string query) => new($"/api/calendar/events?{query}", UriKind.Relative);

    private static async Task<JsonElement> ItemAsync(HttpClient client, string query, Guid eventId)
    {
        using var response = await client.GetAsync(Feed(query));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        return items.Single(i => i.GetProperty("extendedProps").GetProperty("eventId").GetGuid() == eventId);
    }

    [Fact]
    public async Task Feed_WhenSignedOut_Answers401WithoutEvents()
    {
        using var client = fixture.Anonymous();

        using var response = await client.GetAsync(Feed("start=2027-03-01&end=2027-03-08"));

        // /api endpoints answer scripts with 401 rather than a redirect to an HTML sign-in page.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("eventId");
    }

    [Fact]
    public async Task Feed_WhenSignedIn_ReturnsFullCalendarEventsInTheUsersWallClock()
    {
        var manager = await fixture.UserAsync("manager.ops@oobc.gov.ph");
        var timed = await fixture.CreateAsync(manager, Series(At(2027, 3, 2, 6), "FREQ=WEEKLY;COUNT=2", 90, "Early briefing"));
        var newYork = await fixture.CreateAsync(manager, Single(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5)), title: "Call with New York") with { TimeZoneId = "America/New_York" });
        var allDay = await fixture.CreateAsync(manager, Single(At(2027, 3, 3, 0), 24 * 60, "Planning day") with { AllDay = true });
        using var client = await fixture.SignedInAsync(manager.Email);

        // The trailing Z is ignored by convention: the window is 2 March in the user's zone (Manila), so 06:00 is in it.
        const string window = "start=2027-03-02T00:00:00Z&end=2027-03-04T00:00:00Z";
        var item = await ItemAsync(client, window, timed);

        item.GetProperty("id").GetString().ShouldBe($"{timed}|2027-03-01T22:00:00Z");
        (item.GetProperty("title").GetString(), item.GetProperty("start").GetString(), item.GetProperty("end").GetString()).ShouldBe(("Early briefing", "2027-03-02T06:00:00", "2027-03-02T07:30:00"));
        (item.GetProperty("allDay").GetBoolean(), item.GetProperty("editable").GetBoolean()).ShouldBe((false, true));
        item.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()).ShouldBe(["oobc-recurring"]);
        item.GetProperty("extendedProps").GetProperty("location").GetString().ShouldBe("Room 1");
        var call = await ItemAsync(client, window, newYork);
        (call.GetProperty("start").GetString(), call.GetProperty("end").GetString()).ShouldBe(("2027-03-02T22:00:00", "2027-03-02T23:00:00"));
        var day = await ItemAsync(client, window, allDay);
        (day.GetProperty("start").GetString(), day.GetProperty("end").GetString(), day.GetProperty("allDay").GetBoolean()).ShouldBe(("2027-03-03", "2027-03-04", true));
    }

    [Fact]
    public async Task Feed_WhenAnotherStaffsEventIsBusyOnly_ShowsBusyWithoutItsPlace()
    {
        var staff = await fixture.UserAsync("staff3@oobc.gov.ph");
        var id = await fixture.CreateAsync(staff, Single(At(2027, 3, 5, 10), title: "Dentist") with { Visibility = EventVisibility.BusyOnly });
        using var client = await fixture.SignedInAsync("staff4@oobc.gov.ph");

        var item = await ItemAsync(client, "start=2027-03-05&end=2027-03-06&scope=all", id);

        item.GetProperty("title").GetString().ShouldBe("Busy");
        item.GetProperty("extendedProps").GetProperty("location").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()).ShouldContain("oobc-busy");
        item.GetProperty("editable").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("end=2027-03-08", "start", "start is required")]
    [InlineData("start=yesterday&end=2027-03-08", "start", "start \"yesterday\" is not an ISO 8601 date or time")]
    [InlineData("start=2027-03-08&end=2027-03-01", "end", "end must be after start.")]
    [InlineData("start=2027-01-01&end=2028-06-01", "end", "Ask for at most 100 days at a time")]
    [InlineData("start=0001-01-01&end=0001-02-01", "start", "start must be a date from 1900-01-01 to 2200-12-31")]
    [InlineData("start=5000-01-01&end=5000-04-01", "start", "start must be a date from 1900-01-01 to 2200-12-31")]
    [InlineData("start=2200-12-01&end=2201-02-01", "end", "end must be a date from 1900-01-01 to 2200-12-31")]
    [InlineData("start=2027-03-01&end=2027-03-08&scope=everyone", "scope", "scope is mine, unit or all.")]
    [InlineData("start=2027-03-01&end=2027-03-08&scope=7", "scope", "scope is mine, unit or all.")]
    [InlineData("start=2027-03-01&end=2027-03-08&categories=meetings", "categories", "categories is a comma-separated list of category ids.")]
    [InlineData("start=2027-03-01&end=2027-03-08&showDeclined=maybe", "showDeclined", "showDeclined is true or false.")]
    public async Task Feed_WhenAParameterIsWrong_Answers400NamingIt(string query, string field, string message)
    {
        using var client = await fixture.SignedInAsync("staff1@oobc.gov.ph");

        using var response = await client.GetAsync(Feed(query));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        errors.GetProperty(field).EnumerateArray().Single().GetString()!.ShouldStartWith(message);
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Feed_WhenWindowsLieFarOutsideTheLimits_Answer400BeforeAnyExpansion()
    {
        using var client = await fixture.SignedInAsync("staff1@oobc.gov.ph");
        string[] queries = ["start=5000-01-01&end=5000-04-01", "start=9999-10-01&end=9999-12-31", "start=0001-01-01&end=0001-03-01"];
        using (await client.GetAsync(Feed("start=2027-03-01&end=2027-03-08")))
        {
            // Warm-up: the first request's routing and zone loading are not what is measured.
        }

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.GetAsync(Feed(queries[i % queries.Length]))));
        clock.Stop();

        output.WriteLine($"6 out-of-range feed requests in parallel answered in {clock.ElapsedMilliseconds} ms");
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.BadRequest);
        // Generous: before the limits, each of these spent ~3 s expanding series on a quiet machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
