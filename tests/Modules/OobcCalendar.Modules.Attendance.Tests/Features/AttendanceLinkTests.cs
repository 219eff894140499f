using OobcCalendar.Modules.Attendance.Features.Lists;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>What an event's details offer about attendance (ADR 0029), by who is looking and whether attendance is on.</summary>
[Collection(AttendanceCollection.Name)]
public sealed class AttendanceLinkTests(AttendanceFixture fixture)
{
    private readonly AttendanceScenario scenario = new(fixture);

    [Fact]
    public async Task GetAttendanceLink_WhenOffThenOn_ThenOrganizerTakesAttendanceAndDeskOpensTheDesk()
    {
        var staff = fixture.StaffNo(4);
        var snapshot = await scenario.EventTodayAsync(staff);
        var query = new GetAttendanceLink(snapshot.EventId, snapshot.StartUtc);
        var settingsPage = $"/attendance/event/{snapshot.EventId}?occurrence={Uri.EscapeDataString(snapshot.StartUtc.UtcDateTime.ToString("O"))}";

        var organizerOff = await fixture.SendAs<AttendanceLink?>(fixture.Organizer, query);
        var deskOff = await fixture.SendAs<AttendanceLink?>(fixture.Desk1, query);
        var listId = await scenario.OpenAsync(snapshot);
        var organizerOn = await fixture.SendAs<AttendanceLink?>(fixture.Organizer, query);
        var deskOn = await fixture.SendAs<AttendanceLink?>(fixture.Desk1, query);
        var participant = await fixture.SendAs<AttendanceLink?>(staff, query);

        organizerOff.ShouldBe(new AttendanceLink("Take attendance", settingsPage, false));
        deskOff.ShouldBeNull();
        organizerOn.ShouldBe(new AttendanceLink("Attendance", settingsPage, true));
        deskOn.ShouldBe(new AttendanceLink("Open check-in desk", $"/attendance/desk/{listId}", true));
        participant.ShouldBeNull();
    }

    [Fact]
    public async Task GetAttendanceLink_WhenAttendanceDoesNotKnowTheEvent_ThenNothing()
    {
        var link = await fixture.SendAs<AttendanceLink?>(fixture.Organizer, new GetAttendanceLink(Guid.NewGuid(), DateTimeOffset.UtcNow));

        link.ShouldBeNull();
    }
}
