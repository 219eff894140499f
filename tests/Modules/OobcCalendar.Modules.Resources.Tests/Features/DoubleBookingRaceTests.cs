using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

[Collection(ResourcesCollection.Name)]
public sealed class DoubleBookingRaceTests(ResourcesFixture fixture)
{
    private const int Rounds = 20;
    private const int Racers = 50;

    [Fact]
    public async Task RequestBooking_When50ConflictingRequestsRace_ExactlyOneWinsEachRoundAndNothingOverlaps()
    {
        var room = await fixture.RoomAsync(new OobcCalendar.Modules.Resources.Domain.Resources.BookingRules { BufferAfterMinutes = 10 });
        for (var round = 0; round < Rounds; round++)
        {
            // Every racer asks for 30 minutes shifted by up to 19: with the 10-minute buffer all pairs overlap.
            var baseStart = Make.At(22, 8).AddHours(round % 10).AddDays(round / 10);
            using var gate = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
            {
                gate.Wait();
                try
                {
                    await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, baseStart.AddMinutes(i % 20), baseStart.AddMinutes((i % 20) + 30), $"Racer {i}", 2));
                    return true;
                }
                catch (SlotTakenException)
                {
                    return false;
                }
            })).ToList();
            gate.Set();

            var outcomes = await Task.WhenAll(racers);

            outcomes.Count(won => won).ShouldBe(1, $"round {round}");
        }

        (await OverlappingHoldPairsAsync(room)).ShouldBe(0);
    }

    private async Task<long> OverlappingHoldPairsAsync(Guid room)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ResourcesDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM resources.bookings a JOIN resources.bookings b
              ON a.resource_id = b.resource_id AND a.id < b.id
             AND tstzrange(a.blocked_start, a.blocked_end) && tstzrange(b.blocked_start, b.blocked_end)
            WHERE a.resource_id = {room} AND a.status IN ('Pending','Approved') AND b.status IN ('Pending','Approved')
            """).SingleAsync();
    }
}
