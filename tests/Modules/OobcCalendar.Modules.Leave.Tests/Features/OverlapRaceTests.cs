using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class OverlapRaceTests(LeaveFixture fixture)
{
    private const int Rounds = 20;
    private const int Racers = 12;

    [Fact]
    public async Task Submit_WhenOnePersonFilesOverlappingRequestsInParallel_ExactlyOneStandsEachRound()
    {
        // The programs manager files nothing else from September 2027 on (ApproversTests uses a day in August); every
        // round is its own week.
        var person = fixture.OtherManager;
        for (var round = 0; round < Rounds; round++)
        {
            var monday = D(9, 6).AddDays(7 * round);
            using var gate = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
            {
                gate.Wait();
                try
                {
                    // Mon..Wed to Wed..Fri: every pair shares at least Wednesday.
                    await fixture.FileAsync(person, LWOP, monday.AddDays(i % 3), monday.AddDays(2 + (i % 3)));
                    return true;
                }
                catch (ConflictException)
                {
                    return false;
                }
            })).ToList();
            gate.Set();

            (await Task.WhenAll(racers)).Count(won => won).ShouldBe(1, $"round {round}");
        }

        await using var db = await fixture.DbAsync();
        (await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM leave.leave_requests a JOIN leave.leave_requests b
              ON a.person_id = b.person_id AND a.id < b.id AND tsrange(a.held_from, a.held_until) && tsrange(b.held_from, b.held_until)
            WHERE a.person_id = {person.Id} AND a.status IN ('Pending','Approved') AND b.status IN ('Pending','Approved')
            """).SingleAsync()).ShouldBe(0);
        (await db.Requests.CountAsync(r => r.PersonId == person.Id)).ShouldBe(Rounds);
    }
}
