using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Endpoints;

/// <summary>The real host with real sign-in (no test identity), so the downloads' authorization is what a browser meets.</summary>
public sealed class IcsEndpointFixture : IAsyncLifetime
{
    public OobcAppFactory App { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = new OobcAppFactory(await PostgresServer.CreateDatabaseAsync("icshttp"), new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        App.Start();
        var directory = App.Services.GetRequiredService<IUserDirectory>();
        var everyone = await directory.SearchAsync("oobc.gov.ph", 50, CancellationToken.None);
        Manager = everyone.Single(u => u.Email == "manager.ops@oobc.gov.ph");
        Staff = everyone.Single(u => u.Email == "staff1@oobc.gov.ph");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Saves an event the way the handlers do (domain factory, occurrence index), without a signed-in request.</summary>
    internal async Task<Guid> CreateAsync(DirectoryUser organizer, EventDraft draft)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var e = CalendarEvent.Create(Guid.CreateVersion7(), draft, organizer.Id, organizer.OrganisationUnitId, now);
        db.Events.Add(e);
        await OccurrenceIndexWriter.SaveAsync(db, [e], now, CancellationToken.None);
        return e.Id;
    }
}

public sealed class IcsEndpointTests(IcsEndpointFixture fixture) : IClassFixture<IcsEndpointFixture>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task EventDownload_WhenSignedOut_SendsToSignIn()
    {
        var id = await fixture.CreateAsync(fixture.Manager, Single(At(2027, 3, 1, 9), 60, "Signed out"));
        using var client = SignedInClients.Anonymous(fixture.App);

        var response = await client.GetAsync(Url($"/scheduling/events/{id}.ics"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task EventDownload_WhenOrganizerAsks_IsAnIcsAttachmentNamedAfterTheEvent()
    {
        var id = await fixture.CreateAsync(fixture.Manager, Series(At(2027, 3, 1, 9), "FREQ=WEEKLY;COUNT=3", title: "Quarterly review"));
        using var client = await SignedInClients.SignInAsync(fixture.App, fixture.Manager.Email);

        var response = await client.GetAsync(Url($"/scheduling/events/{id}.ics"));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe("quarterly-review.ics");
        body.ShouldStartWith("BEGIN:VCALENDAR");
        body.ShouldContain("SUMMARY:Quarterly review");
        body.ShouldContain("RRULE:FREQ=WEEKLY;COUNT=3");
    }

    [Fact]
    public async Task EventDownload_WhenSomeoneElsesPrivateOrBusyEvent_IsNotFoundOrBusy()
    {
        var privateId = await fixture.CreateAsync(fixture.Manager, Single(At(2027, 3, 2, 9), 60, "Private one") with { Visibility = EventVisibility.Private });
        var busyId = await fixture.CreateAsync(fixture.Manager, Single(At(2027, 3, 2, 11), 60, "Busy one") with { Visibility = EventVisibility.BusyOnly });
        using var client = await SignedInClients.SignInAsync(fixture.App, fixture.Staff.Email);

        var hidden = await client.GetAsync(Url($"/scheduling/events/{privateId}.ics"));
        var busy = await client.GetAsync(Url($"/scheduling/events/{busyId}.ics"));

        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        hidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await hidden.Content.ReadAsStringAsync()).ShouldContain("does not exist, or you may not see it");
        busy.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await busy.Content.ReadAsStringAsync()).ShouldContain("SUMMARY:Busy");
        (await busy.Content.ReadAsStringAsync()).ShouldNotContain("Busy one");
    }

    [Theory]
    [InlineData("/scheduling/events/not-an-id.ics", HttpStatusCode.BadRequest, "is not an event id")]
    [InlineData("/scheduling/events/0193a000-0000-7000-8000-00000000abcd.ics", HttpStatusCode.NotFound, "does not exist")]
    [InlineData("/scheduling/calendar.ics", HttpStatusCode.BadRequest, "yyyy-MM-dd")]
    [InlineData("/scheduling/calendar.ics?start=2027-03-01&end=31-03-2027", HttpStatusCode.BadRequest, "yyyy-MM-dd")]
    [InlineData("/scheduling/calendar.ics?start=2027-03-01&end=2027-02-01", HttpStatusCode.BadRequest, "at most 400 days")]
    [InlineData("/scheduling/calendar.ics?start=2027-03-01&end=2028-06-01", HttpStatusCode.BadRequest, "at most 400 days")]
    [InlineData("/scheduling/calendar.ics?start=0001-01-01&end=0001-02-01", HttpStatusCode.BadRequest, "start must be a date from 1900-01-01 to 2200-12-31")]
    [InlineData("/scheduling/calendar.ics?start=9999-12-01&end=9999-12-31", HttpStatusCode.BadRequest, "start must be a date from 1900-01-01 to 2200-12-31")]
    [InlineData("/scheduling/calendar.ics?start=2027-03-01&end=2027-04-01&scope=everyone", HttpStatusCode.BadRequest, "scope is mine, unit or all")]
    public async Task Download_WhenIdOrRangeIsBad_AnswersProblemDetailsWithAClearMessage(string path, HttpStatusCode status, string message)
    {
        using var client = await SignedInClients.SignInAsync(fixture.App, fixture.Staff.Email);

        var response = await client.GetAsync(Url(path));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task CalendarDownload_ForARange_HoldsMyEventsInThatRangeOnly()
    {
        var inside = await fixture.CreateAsync(fixture.Staff, Single(At(2027, 9, 6, 9), 60, "September workshop"));
        var outside = await fixture.CreateAsync(fixture.Staff, Single(At(2027, 10, 6, 9), 60, "October workshop"));
        var others = await fixture.CreateAsync(fixture.Manager, Single(At(2027, 9, 7, 9), 60, "Manager only"));
        using var client = await SignedInClients.SignInAsync(fixture.App, fixture.Staff.Email);

        var response = await client.GetAsync(Url("/scheduling/calendar.ics?start=2027-09-01&end=2027-10-01"));
        var body = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("oobc-calendar-2027-09-01-to-2027-09-30.ics");
        body.ShouldContain($"UID:{inside}@oobc-calendar");
        body.ShouldNotContain($"UID:{outside}@oobc-calendar");
        body.ShouldNotContain($"UID:{others}@oobc-calendar");
    }
}
