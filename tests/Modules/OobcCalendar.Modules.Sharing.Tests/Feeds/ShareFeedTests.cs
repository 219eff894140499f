using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Tests.Features;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Feeds;

/// <summary>
/// The programs manager's calendar in April 2027 (no other test here uses them): a weekly series with one occurrence moved and one
/// cancelled, a private and a busy-only event; read through the anonymous feed at each level.
/// </summary>
[Collection(SharingCollection.Name)]
public sealed class ShareFeedTests(SharingFixture fixture)
{
    private static readonly DateTimeOffset FirstMonday = new(2027, 4, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private DirectoryUser Owner => fixture.OtherManager;

    [Fact]
    public async Task Feed_AtTitles_HasTheSeriesWithItsChangesAndNoDetailsOrPeople()
    {
        var calendar = await CalendarAsync();
        var link = await fixture.SendAs<CreatedShareLink>(Owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, ShareDetailLevel.Titles, "Titles feed"));

        var text = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();

        text.ShouldContain($"SUMMARY:{calendar.Title}");
        text.ShouldContain("RRULE:FREQ=WEEKLY");
        text.ShouldContain("EXDATE");
        text.ShouldContain("RECURRENCE-ID");
        text.ShouldContain("BEGIN:VTIMEZONE");
        text.ShouldContain("X-WR-CALNAME:Titles feed");
        text.ShouldContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        AssertNothingPrivate(text, calendar);
        text.ShouldNotContain(calendar.Secret);
        text.ShouldNotContain(calendar.Place);
    }

    [Fact]
    public async Task Feed_AtDetails_HasPlaceAndDescriptionButNeverPeople()
    {
        var calendar = await CalendarAsync();
        var link = await fixture.SendAs<CreatedShareLink>(Owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, ShareDetailLevel.Details, "Details feed"));

        var text = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();

        text.ShouldContain(calendar.Place);
        text.ShouldContain(calendar.Secret);
        AssertNothingPrivate(text, calendar);
    }

    [Fact]
    public async Task Feed_AtBusyOnly_HasNoTitleAtAll()
    {
        var calendar = await CalendarAsync();
        var link = await fixture.SendAs<CreatedShareLink>(Owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, ShareDetailLevel.BusyOnly, "Busy feed"));

        var text = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();

        text.ShouldNotContain(calendar.Title);
        text.ShouldContain("SUMMARY:Busy");
        AssertNothingPrivate(text, calendar);
    }

    [Fact]
    public async Task Feed_ReadByPythonIcalendar_ExpandsToTheOccurrencesOurCalendarHas()
    {
        var calendar = await CalendarAsync();
        var link = await fixture.SendAs<CreatedShareLink>(Owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Python"));
        var text = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();

        var found = await ExpandAsync(text, FirstMonday.AddDays(-1), FirstMonday.AddDays(40));

        var series = found.Where(o => o[2] == calendar.Title || o[2] == calendar.Title + " (moved)").Select(o => o[1]).ToList();
        // Mondays 5, 12 (moved to Tuesday 13, 14:00), 19 (cancelled), 26 April, 3 May, 10 May: 09:00 Manila = 01:00 UTC.
        series.ShouldBe(["2027-04-05T01:00:00Z", "2027-04-13T06:00:00Z", "2027-04-26T01:00:00Z", "2027-05-03T01:00:00Z", "2027-05-10T01:00:00Z"], ignoreOrder: true);
    }

    [Fact]
    public async Task Feed_AskedAgainWithItsETagOrDate_Answers304()
    {
        var link = await fixture.ShareMineAsync(fixture.StaffNo(3));
        var client = fixture.Anonymous();
        var first = await client.GetAsync($"/share/{link.Token}.ics");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull();
        first.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.Zero);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");

        using var byTag = new HttpRequestMessage(HttpMethod.Get, $"/share/{link.Token}.ics");
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        (await client.SendAsync(byTag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/share/{link.Token}.ics");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        (await client.SendAsync(byDate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Feed_AfterRevoke_AnswersExactlyAsAnUnknownToken()
    {
        var link = await fixture.ShareMineAsync(fixture.StaffNo(3));
        var client = fixture.Anonymous();
        (await client.GetAsync($"/share/{link.Token}.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await fixture.SendAs<Mediator.Unit>(fixture.StaffNo(3), new RevokeShareLink(link.Id));

        // Pollers' link checks are kept in memory until a link notice is heard (milliseconds; ADR 0033).
        await Eventually.UntilAsync(
            async () => (await client.GetAsync($"/share/{link.Token}.ics")).StatusCode == HttpStatusCode.NotFound, TimeSpan.FromSeconds(5), "the revoked feed to close");
        var revoked = await client.GetAsync($"/share/{link.Token}.ics");
        var unknown = await client.GetAsync($"/share/{new string('Q', 43)}.ics");
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await revoked.Content.ReadAsStringAsync()).ShouldBe(await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_Headers_KeepTheTokenOutOfReferrersAndIndexes()
    {
        var link = await fixture.ShareMineAsync(fixture.StaffNo(3));

        var response = await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics");

        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("X-Robots-Tag").Single().ShouldContain("noindex");
    }

    [Fact]
    public async Task Feed_PolledBeyondTheTokensLimit_Answers429WithRetryAfter()
    {
        var link = await fixture.ShareMineAsync(fixture.StaffNo(2));
        var client = fixture.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 41; i++)
        {
            var response = await client.GetAsync($"/share/{link.Token}.ics");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
                (await response.Content.ReadAsStringAsync()).ShouldContain("Too many requests");
            }
        }

        statuses.Take(40).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[40].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static void AssertNothingPrivate(string text, OwnerCalendar calendar)
    {
        text.ShouldNotContain("ATTENDEE");
        text.ShouldNotContain("ORGANIZER");
        text.ShouldNotContain("mailto:");
        text.ShouldNotContain("@oobc.gov.ph");
        text.ShouldNotContain(calendar.PrivateTitle);
        text.ShouldNotContain(calendar.BusyOnlyTitle);
        text.ShouldNotContain("VALARM");
    }

    private sealed record OwnerCalendar(string Title, string Secret, string Place, string PrivateTitle, string BusyOnlyTitle);

    private async Task<OwnerCalendar> CalendarAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var calendar = new OwnerCalendar($"Partner sync {tag}", $"Agenda {tag}", $"Room {tag}", $"Doctor {tag}", $"Focus {tag}");
        var participants = new[] { fixture.StaffNo(4).Id };
        var series = await fixture.SendAs<Guid>(Owner, new CreateEvent(Draft(calendar.Title, calendar.Secret, calendar.Place, FirstMonday, "FREQ=WEEKLY;BYDAY=MO;COUNT=6", EventVisibility.Normal, participants, [15])));
        var second = FirstMonday.AddDays(7);
        var moved = new DateTimeOffset(2027, 4, 13, 14, 0, 0, TimeSpan.FromHours(8));
        await fixture.SendAs<Guid>(Owner, new UpdateEvent(series, second, EditScope.Occurrence, Draft(calendar.Title + " (moved)", calendar.Secret, calendar.Place, moved, null, EventVisibility.Normal, participants, [15])));
        await fixture.SendAs<Mediator.Unit>(Owner, new CancelEvent(series, FirstMonday.AddDays(14), EditScope.Occurrence));
        await fixture.SendAs<Guid>(Owner, new CreateEvent(Draft(calendar.PrivateTitle, "Private notes", "Clinic", FirstMonday.AddDays(1), null, EventVisibility.Private, [], null)));
        await fixture.SendAs<Guid>(Owner, new CreateEvent(Draft(calendar.BusyOnlyTitle, "Only busy", "Desk", FirstMonday.AddDays(2), null, EventVisibility.BusyOnly, [], null)));
        return calendar;
    }

    private static EventDraft Draft(string title, string description, string location, DateTimeOffset start, string? rule, EventVisibility visibility, IReadOnlyList<Guid> participants, IReadOnlyList<int>? reminders) =>
        new(title, description, location, start, start.AddHours(1), "Asia/Manila", false, null, visibility, participants, reminders, rule);

    private static async Task<List<string[]>> ExpandAsync(string ics, DateTimeOffset from, DateTimeOffset to)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oobc-share-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(path, ics);
        try
        {
            var stdout = await DebianProgram.RunAsync(
                "/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Feeds", "expand_feed.py"), path, Utc(from), Utc(to)], "python3-icalendar, python3-recurring-ical-events");
            return JsonSerializer.Deserialize<List<string[]>>(stdout)!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
