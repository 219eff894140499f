using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Attendance.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

[Collection(AttendanceCollection.Name)]
public sealed class ConcurrentCheckInTests(AttendanceFixture fixture)
{
    private const int Rounds = 25;

    [Fact]
    public async Task CheckInAttendee_WhenSamePersonScannedAtTwoDesksAtOnce_ThenExactlyOneCheckInEachRound()
    {
        var scenario = new AttendanceScenario(fixture);
        var staff = fixture.StaffNo(4);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var ticket = await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, staff.Id));

        for (var round = 0; round < Rounds; round++)
        {
            using var start = new SemaphoreSlim(0);
            var desk1 = Task.Run(async () => { await start.WaitAsync(); return await fixture.SendAs<CheckInResult>(fixture.Desk1, new CheckInAttendee(listId, ticket.Token, null, "desk 1")); });
            var desk2 = Task.Run(async () => { await start.WaitAsync(); return await fixture.SendAs<CheckInResult>(fixture.Desk2, new CheckInAttendee(listId, null, staff.Id, "desk 2")); });
            start.Release(2);
            var results = await Task.WhenAll(desk1, desk2);

            results.Count(r => r.Outcome == CheckInOutcome.CheckedIn).ShouldBe(1, $"round {round}");
            results.Select(r => r.CheckInId).Distinct().ShouldHaveSingleItem($"round {round}: both answers name the one check-in");
            (await RowsAsync(listId)).ShouldBe(1, $"round {round}");
            await fixture.SendAs<Mediator.Unit>(fixture.Desk1, new UndoCheckIn(results[0].CheckInId));
        }

        (await RowsAsync(listId)).ShouldBe(0);
    }

    private Task<int> RowsAsync(Guid listId) =>
        fixture.WithServiceAsync<IDbContextFactory<AttendanceDbContext>, int>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.CheckIns.CountAsync(c => c.ListId == listId);
        });
}
