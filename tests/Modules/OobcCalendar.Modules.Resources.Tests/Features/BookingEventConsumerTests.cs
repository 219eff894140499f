using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>
/// Resources' booking events, end to end: what a real approval and cancellation lead to in Scheduling's busy read model
/// (read with SQL: Scheduling's types are its own), and the public query a rebuild replays from.
/// </summary>
public sealed class BookingEventConsumerTests(ResourcesWithSchedulingFixture fixture) : IClassFixture<ResourcesWithSchedulingFixture>
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RequestBooking_WhenConfirmedAndLaterCancelled_SchedulingHoldsThePeopleThenFreesThem()
    {
        var room = await fixture.RoomAsync();
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(21, 9), Make.At(21, 10), "Planning", 2, [fixture.Manager.Id]));

        await WaitForAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id AND label = 'Room booking'", booking.BookingId, 2);
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id AND person_id = @person", booking.BookingId, fixture.Staff.Id)).ShouldBe(1);

        await fixture.SendAs<Unit>(fixture.Staff, new CancelBooking(booking.BookingId));

        await WaitForAsync("SELECT count(*) FROM scheduling.external_busy_released WHERE source_id = @id", booking.BookingId, 1);
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", booking.BookingId)).ShouldBe(0);
    }

    [Fact]
    public async Task RequestBooking_WhenAwaitingApproval_HoldsNobodyUntilApproved()
    {
        var room = await fixture.RoomAsync(approval: true);
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(21, 13), Make.At(21, 14), "Review", 1));
        var fence = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(await fixture.RoomAsync(), Make.At(21, 15), Make.At(21, 16), "Fence", 1));
        await WaitForAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", fence.BookingId, 1);
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", booking.BookingId)).ShouldBe(0);

        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([booking.BookingId], Approve: true, null));

        await WaitForAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", booking.BookingId, 1);
    }

    [Fact]
    public async Task ListApprovedBookings_WhenAsked_ReturnsOnlyApprovedBookingsStillAheadWithTheirPeople()
    {
        var room = await fixture.RoomAsync(approval: true);
        var approved = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 9), Make.At(22, 10), "Approved", 2, [fixture.Manager.Id]));
        var pending = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 11), Make.At(22, 12), "Pending", 1));
        var cancelled = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 13), Make.At(22, 14), "Cancelled", 1));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([approved.BookingId, cancelled.BookingId], Approve: true, null));
        await fixture.SendAs<Unit>(fixture.Staff, new CancelBooking(cancelled.BookingId));

        var listed = await fixture.SendAs<IReadOnlyList<ApprovedBooking>>(fixture.Admin, new ListApprovedBookings(Make.At(22, 0)));

        var mine = listed.Where(b => b.BookingId == approved.BookingId || b.BookingId == pending.BookingId || b.BookingId == cancelled.BookingId).ToList();
        var only = mine.ShouldHaveSingleItem();
        (only.BookingId, only.ResourceKind, only.RequesterId, only.StartUtc, only.EndUtc).ShouldBe((approved.BookingId, "Room", fixture.Staff.Id, Make.At(22, 9), Make.At(22, 10)));
        only.AttendeeIds.ShouldBe([fixture.Manager.Id]);
        (await fixture.SendAs<IReadOnlyList<ApprovedBooking>>(fixture.Admin, new ListApprovedBookings(Make.At(22, 10)))).ShouldNotContain(b => b.BookingId == approved.BookingId);
    }

    private NpgsqlDataSource DataSource => fixture.App.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> CountAsync(string sql, Guid id, Guid? person = null)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        if (person is { } p)
        {
            command.Parameters.AddWithValue("person", p);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until <paramref name="sql"/> counts <paramref name="expected"/> (delivery runs on the dispatcher's schedule).</summary>
    private async Task WaitForAsync(string sql, Guid id, long expected)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        long seen;
        while ((seen = await CountAsync(sql, id)) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still {seen}, not {expected}, after {DeliveryTimeout.TotalSeconds} s: {sql} ({id})");
            }

            await Task.Delay(20);
        }
    }
}
