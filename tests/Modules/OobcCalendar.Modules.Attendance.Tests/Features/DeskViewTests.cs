using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>The desk view reads only what the desk shows: counts, the last scans, and a page of the people searched for.</summary>
[Collection(AttendanceCollection.Name)]
public sealed class DeskViewTests(AttendanceFixture fixture)
{
    private readonly AttendanceScenario scenario = new(fixture);

    [Fact]
    public async Task GetDeskView_WhenSearchingAName_ThenOnlyMatchesWithTheirCheckInAndCountsOfEveryone()
    {
        var (first, second, third) = (fixture.StaffNo(1), fixture.StaffNo(2), fixture.StaffNo(3));
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(first, second, third));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, second.Id, "desk 1"));
        await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, null, third.Id, "desk 2"));

        var searched = await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(listId, $"  {second.DisplayName.ToUpperInvariant()} "));
        var paged = await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(listId, null, Take: 2));

        var found = searched.People.ShouldHaveSingleItem();
        found.PersonId.ShouldBe(second.Id);
        found.Desk.ShouldBe("desk 1");
        searched.PeopleMatching.ShouldBe(1);
        searched.Counts.ShouldBe(new AttendanceCounts(4, 2, 0, 0));
        searched.LastScans.Select(s => s.Name).ShouldBe([third.DisplayName, second.DisplayName]);
        paged.People.Count.ShouldBe(2);
        paged.PeopleMatching.ShouldBe(4);
        paged.People.Select(p => p.Name).ShouldBe(paged.People.Select(p => p.Name).Order(StringComparer.CurrentCultureIgnoreCase));
    }
}
