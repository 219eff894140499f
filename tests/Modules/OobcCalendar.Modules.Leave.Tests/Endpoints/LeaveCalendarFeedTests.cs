using System.Net;
using System.Text.Json;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Tests.Features;
using OobcCalendar.Shared.Users;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Endpoints;

/// <summary>
/// GET /api/calendar/leave and /api/calendar/holidays through the real host: sign-in cookie from the real form, leave
/// filed and decided through the module's own commands, JSON read as FullCalendar would. Dates far in 2027 (Oct, Nov)
/// keep these requests clear of the handler tests'.
/// </summary>
[Collection(LeaveCollection.Name)]
public sealed class LeaveCalendarFeedTests(LeaveFixture fixture)
{
    private const string November = "/api/calendar/leave?start=2027-11-01&end=2027-12-01";
    private const string October = "/api/calendar/leave?start=2027-10-01&end=2027-11-01";

    [Fact]
    public async Task Feed_WhenSickLeaveIsApproved_ColleaguesSeeOutOfOfficeAndThePersonManagerAndAdminSeeTheType()
    {
        var sick = fixture.StaffNo(3);
        await fixture.CreditAsync(sick, SL, 2m);
        var receipt = await fixture.FileAsync(sick, SL, D(11, 15), D(11, 16));
        await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));
        var id = $"leave:{receipt.RequestId}";

        var colleague = (await FeedAsync(fixture.StaffNo(2), November)).Single(e => e.GetProperty("id").GetString() == id);

        colleague.GetProperty("title").GetString().ShouldBe("Tomas Reyes: Out of office");
        colleague.GetProperty("allDay").GetBoolean().ShouldBeTrue();
        colleague.GetProperty("start").GetString().ShouldBe("2027-11-15");
        colleague.GetProperty("end").GetString().ShouldBe("2027-11-17");
        colleague.GetProperty("color").GetString().ShouldBe("#ef6c00");
        colleague.GetProperty("editable").GetBoolean().ShouldBeFalse();
        colleague.GetProperty("classNames").GetArrayLength().ShouldBe(0);
        var props = colleague.GetProperty("extendedProps");
        props.GetProperty("kind").GetString().ShouldBe("leave");
        props.GetProperty("pending").GetBoolean().ShouldBeFalse();
        // The type never reaches a colleague's browser: not in the title, not in the details.
        props.GetProperty("leaveType").ValueKind.ShouldBe(JsonValueKind.Null);
        colleague.GetRawText().ShouldNotContain("Sick");
        foreach (var insider in new[] { sick, fixture.Manager, fixture.Admin })
        {
            var entry = (await FeedAsync(insider, November)).Single(e => e.GetProperty("id").GetString() == id);
            entry.GetProperty("title").GetString().ShouldBe("Tomas Reyes: Sick leave", insider.Email);
            entry.GetProperty("extendedProps").GetProperty("leaveType").GetString().ShouldBe("Sick leave", insider.Email);
        }
    }

    [Fact]
    public async Task Feed_WhenColleagueIsInAnotherUnit_LeavesTheirLeaveOut()
    {
        var person = fixture.StaffNo(1);
        await fixture.CreditAsync(person, VL, 3m);
        var receipt = await fixture.FileAsync(person, VL, D(11, 22), D(11, 23));
        await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));

        var sameUnit = await FeedAsync(fixture.StaffNo(2), November);
        var otherUnit = await FeedAsync(fixture.StaffNo(5), November);

        sameUnit.Single(e => e.GetProperty("id").GetString() == $"leave:{receipt.RequestId}").GetProperty("title").GetString().ShouldEndWith(": Vacation leave");
        otherUnit.ShouldNotContain(e => e.GetProperty("id").GetString() == $"leave:{receipt.RequestId}");
    }

    [Fact]
    public async Task Feed_WhenMyRequestIsPending_ShowsItToMeWithThePendingStyleAndNotToColleagues()
    {
        var me = fixture.StaffNo(2);
        await fixture.CreditAsync(me, VL, 3m);
        var receipt = await fixture.FileAsync(me, VL, D(10, 11), D(10, 12));
        var id = $"leave:{receipt.RequestId}";

        var mine = (await FeedAsync(me, October)).Single(e => e.GetProperty("id").GetString() == id);
        var colleague = await FeedAsync(fixture.StaffNo(1), October);

        mine.GetProperty("extendedProps").GetProperty("pending").GetBoolean().ShouldBeTrue();
        mine.GetProperty("extendedProps").GetProperty("status").GetString().ShouldBe("Pending");
        mine.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()).ShouldBe(["oobc-pending"]);
        mine.GetProperty("color").GetString().ShouldNotBe("#ef6c00");
        mine.GetProperty("end").GetString().ShouldBe("2027-10-13");
        colleague.ShouldNotContain(e => e.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task HolidayFeed_WhenAUnitHasItsOwnHoliday_ShowsItToThatUnitOnlyAndOfficeWideOnesToEveryone()
    {
        var unit = fixture.StaffNo(2).OrganisationUnitId.ShouldNotBeNull();
        var local = await fixture.SendAs<Guid>(fixture.Admin, new SaveHoliday(null, D(10, 20), "Unit founding day", HolidayKind.SpecialNonWorking, unit));
        var office = await fixture.SendAs<Guid>(fixture.Admin, new SaveHoliday(null, D(10, 21), "Office anniversary", HolidayKind.SpecialNonWorking));
        const string url = "/api/calendar/holidays?start=2027-10-01&end=2027-11-01";

        var inUnit = await FeedAsync(fixture.StaffNo(2), url);
        var elsewhere = await FeedAsync(fixture.StaffNo(5), url);

        var day = inUnit.Single(e => e.GetProperty("id").GetString() == $"holiday:{local}");
        day.GetProperty("title").GetString().ShouldBe("Unit founding day");
        day.GetProperty("allDay").GetBoolean().ShouldBeTrue();
        day.GetProperty("start").GetString().ShouldBe("2027-10-20");
        day.GetProperty("end").GetString().ShouldBe("2027-10-21");
        day.GetProperty("extendedProps").GetProperty("kind").GetString().ShouldBe("holiday");
        day.GetProperty("extendedProps").GetProperty("holidayKind").GetString().ShouldBe("Special non-working day");
        inUnit.ShouldContain(e => e.GetProperty("id").GetString() == $"holiday:{office}");
        elsewhere.ShouldContain(e => e.GetProperty("id").GetString() == $"holiday:{office}");
        elsewhere.ShouldNotContain(e => e.GetProperty("id").GetString() == $"holiday:{local}");
    }

    [Fact]
    public async Task HolidayFeed_WhenTheYearIsSeeded_ShowsChristmasDay()
    {
        var feed = await FeedAsync(fixture.Staff, "/api/calendar/holidays?start=2027-12-01&end=2028-01-01");

        feed.ShouldContain(e => e.GetProperty("start").GetString() == "2027-12-25" && e.GetProperty("title").GetString()!.Contains("Christmas"));
    }

    private async Task<IReadOnlyList<JsonElement>> FeedAsync(DirectoryUser user, string url)
    {
        using var client = await fixture.SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
