using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Features.PublicPage;
using OobcCalendar.Shared.Calendar;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

/// <summary>
/// What the public page's calendar is fed (ADR 0032): the link's own feed, placed in the visitor's zone, checked again on
/// every ask; and a link's holidays. Titles are unique to these tests.
/// </summary>
[Collection(SharingCollection.Name)]
public sealed class PublicPageTests(SharingFixture fixture)
{
    private static readonly DateTimeOffset Tuesday = new(2027, 3, 16, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Read_AtTitles_GivesTitlesInTheAskedZoneAndNoPlaceOrDescription()
    {
        var owner = fixture.StaffNo(2);
        await fixture.SendAs<Guid>(owner, new CreateEvent(new EventDraft("Partner call", "Notes nobody outside reads", "Room 4B", Tuesday, Tuesday.AddHours(1),
            "Asia/Manila", false, null, EventVisibility.Normal, [fixture.StaffNo(3).Id], null, null)));
        var link = await fixture.SendAs<CreatedShareLink>(owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Page titles"));

        var manila = await ReadAsync(link.Token, "Asia/Manila");
        var london = await ReadAsync(link.Token, "Europe/London");

        var call = manila.Single(e => e.Title == "Partner call");
        call.Start.ShouldBe(new DateTime(2027, 3, 16, 9, 0, 0));
        call.Details.ShouldBeEmpty();
        london.Single(e => e.Title == "Partner call").Start.ShouldBe(new DateTime(2027, 3, 16, 1, 0, 0));
    }

    [Fact]
    public async Task Read_AtDetails_GivesThePlaceAndDescription()
    {
        var owner = fixture.StaffNo(4);
        await fixture.SendAs<Guid>(owner, new CreateEvent(new EventDraft("Site visit", "Bring the permits", "Cotabato City", Tuesday, Tuesday.AddHours(2),
            "Asia/Manila", false, null, EventVisibility.Normal, [], null, null)));
        var link = await fixture.SendAs<CreatedShareLink>(owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Details, "Page details"));

        var visit = (await ReadAsync(link.Token, "Asia/Manila")).Single(e => e.Title == "Site visit");

        visit.Details["location"].ShouldBe("Cotabato City");
        visit.Details["description"].ShouldBe("Bring the permits");
    }

    [Fact]
    public async Task Read_AfterRevoke_ThrowsTheSameUnavailableAnswer()
    {
        var link = await fixture.ShareMineAsync(fixture.StaffNo(2), label: "Page revoke");
        (await ReadAsync(link.Token, "Asia/Manila")).ShouldNotBeNull();

        await fixture.SendAs<Mediator.Unit>(fixture.StaffNo(2), new RevokeShareLink(link.Id));

        await Should.ThrowAsync<ShareUnavailableException>(() => ReadAsync(link.Token, "Asia/Manila"));
    }

    [Fact]
    public async Task Feed_WithHolidays_HasTheOfficesHolidaysAsAllDayEntries()
    {
        var link = await fixture.SendAs<CreatedShareLink>(fixture.StaffNo(2), new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Holidays, ShareDetailLevel.Titles, "Holidays only"));
        var busy = await fixture.SendAs<CreatedShareLink>(fixture.StaffNo(2), new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Holidays, ShareDetailLevel.BusyOnly, "Holidays busy"));

        var text = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();
        var busyText = await (await fixture.Anonymous().GetAsync($"/share/{busy.Token}.ics")).Content.ReadAsStringAsync();

        text.ShouldContain("SUMMARY:Christmas Day");
        text.ShouldContain("DTSTART;VALUE=DATE:20271225");
        busyText.ShouldNotContain("Christmas");
        busyText.ShouldContain("DTSTART;VALUE=DATE:20271225");
    }

    private Task<IReadOnlyList<CalendarFeedEntry>> ReadAsync(string token, string zone) =>
        fixture.SendAs<IReadOnlyList<CalendarFeedEntry>>(fixture.Staff, new ReadSharedCalendar(token, null, new DateTime(2027, 3, 15), new DateTime(2027, 3, 22), zone));
}
