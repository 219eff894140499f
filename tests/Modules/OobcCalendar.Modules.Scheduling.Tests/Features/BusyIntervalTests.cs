using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Features.BusyIntervals;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>
/// The busy read model fed by Resources' booking events. Events are put in Resources' outbox exactly as its handlers
/// store them, so the real dispatcher delivers them to the real consumer (Resources' own tests drive real bookings).
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class BusyIntervalTests(SchedulingFixture fixture)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    // Times are Sunday mornings in 2028, where no other test's events keep these people busy.

    private DateTimeOffset OccurredAt => fixture.Clock.GetUtcNow();

    private Task<IReadOnlyList<BusyParticipant>> BusyAsync(DateTimeOffset start, DateTimeOffset end, params Guid[] people) =>
        fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Manager, new FindBusyParticipants(people, start, end, null));

    private BookingApprovedIntegrationEvent Approved(Guid bookingId, DateTimeOffset start, string kind = "Room", params Guid[] attendees) =>
        new(bookingId, Guid.NewGuid(), "Conference Room A", kind, fixture.Staff.Id, start, start.AddHours(1), "Asia/Manila", "Quarterly review", attendees, fixture.Manager.Id)
        { OccurredAt = OccurredAt };

    private BookingCancelledIntegrationEvent Cancelled(BookingApprovedIntegrationEvent approved) =>
        new(approved.BookingId, approved.ResourceId, approved.ResourceName, approved.RequesterId, approved.StartUtc, approved.EndUtc, approved.AttendeeIds, approved.RequesterId, true)
        { OccurredAt = OccurredAt };

    [Fact]
    public async Task BookingApproved_WhenDelivered_NamesTheRequesterAndAttendeesAsBusyBecauseOfTheBooking()
    {
        var approved = Approved(Guid.NewGuid(), At(2028, 1, 2, 5), attendees: [fixture.Staff2.Id]);

        await DeliverAsync(approved);

        var busy = await BusyAsync(At(2028, 1, 2, 5, 30), At(2028, 1, 2, 6, 30), fixture.Staff.Id, fixture.Staff2.Id, fixture.OtherUnitStaff.Id);
        busy.Select(b => (b.UserId, b.AtChosenTime, b.Because)).OrderBy(b => b.UserId).ShouldBe(
            new (Guid UserId, bool AtChosenTime, string? Because)[] { (fixture.Staff.Id, true, "Room booking"), (fixture.Staff2.Id, true, "Room booking") }.OrderBy(b => b.UserId));
        busy.Single(b => b.UserId == fixture.Staff.Id).ShownName.ShouldBe($"{fixture.Staff.DisplayName} (room booking)");
        (await BusyAsync(At(2028, 1, 2, 6), At(2028, 1, 2, 7), fixture.Staff.Id)).ShouldBeEmpty("the booking ends at 06:00");
    }

    [Fact]
    public async Task BookingApproved_WhenAnEventHoldsThemToo_NamesThemWithoutTheBookingLabel()
    {
        await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2028, 1, 9, 5), title: "Busy meeting", participants: [fixture.Staff.Id])));
        await DeliverAsync(Approved(Guid.NewGuid(), At(2028, 1, 9, 5), kind: "Vehicle", attendees: [fixture.Staff2.Id]));

        var busy = await BusyAsync(At(2028, 1, 9, 5), At(2028, 1, 9, 6), fixture.Staff.Id, fixture.Staff2.Id);

        busy.Single(b => b.UserId == fixture.Staff.Id).Because.ShouldBeNull();
        busy.Single(b => b.UserId == fixture.Staff2.Id).Because.ShouldBe("Vehicle booking");
    }

    [Fact]
    public async Task BookingApproved_WhenOnlyEquipmentWasBooked_KeepsNobodyBusy()
    {
        await DeliverAsync(Approved(Guid.NewGuid(), At(2028, 1, 16, 5), kind: "Equipment"));

        (await BusyAsync(At(2028, 1, 16, 5), At(2028, 1, 16, 6), fixture.Staff.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BookingCancelled_WhenDelivered_FreesEveryone()
    {
        var approved = Approved(Guid.NewGuid(), At(2028, 1, 23, 5), attendees: [fixture.Staff2.Id]);
        await DeliverAsync(approved);
        (await BusyAsync(At(2028, 1, 23, 5), At(2028, 1, 23, 6), fixture.Staff.Id, fixture.Staff2.Id)).Count.ShouldBe(2);

        await DeliverAsync(Cancelled(approved));

        (await BusyAsync(At(2028, 1, 23, 5), At(2028, 1, 23, 6), fixture.Staff.Id, fixture.Staff2.Id)).ShouldBeEmpty();
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", approved.BookingId)).ShouldBe(0);
    }

    [Fact]
    public async Task BookingCancelled_WhenItOvertakesTheApproval_TheLateApprovalKeepsNobodyBusy()
    {
        // A failed delivery of "approved" is retried later, behind the cancellation that followed it.
        var approved = Approved(Guid.NewGuid(), At(2028, 1, 30, 5));
        await DeliverAsync(Cancelled(approved));

        await DeliverAsync(approved);

        (await BusyAsync(At(2028, 1, 30, 5), At(2028, 1, 30, 6), fixture.Staff.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BookingApproved_WhenTheSameEventIsDeliveredTwice_IsAppliedOnce()
    {
        var approved = Approved(Guid.NewGuid(), At(2028, 2, 6, 5));
        await DeliverAsync(approved);
        // Marks the row: applying the event again would delete and re-insert it, losing the mark.
        await CountAsync("WITH u AS (UPDATE scheduling.external_busy SET label = 'applied once' WHERE source_id = @id RETURNING 1) SELECT count(*) FROM u", approved.BookingId);

        // Redelivered as the dispatcher does after a crash between the consumer's commit and marking the row.
        await CountAsync("WITH u AS (UPDATE resources.outbox_messages SET processed_at = NULL WHERE id = @id RETURNING 1) SELECT count(*) FROM u", approved.EventId);
        await WaitUntilAsync($"SELECT count(*) FROM resources.outbox_messages WHERE id = @id AND processed_at IS NOT NULL AND attempts = 2", approved.EventId);

        (await CountAsync("SELECT count(*) FROM scheduling.inbox_messages WHERE event_id = @id", approved.EventId)).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id AND label = 'applied once'", approved.BookingId)).ShouldBe(1);
        (await BusyAsync(At(2028, 2, 6, 5), At(2028, 2, 6, 6), fixture.Staff.Id)).ShouldHaveSingleItem().Because.ShouldBe("applied once");
    }

    [Fact]
    public async Task RebuildBusyIntervals_WhenTheModelWasLost_RestoresItFromResourcesApprovedBookings()
    {
        // The source fact as Resources stores it (Scheduling's tests cannot send Resources' internal commands).
        var bookingId = Guid.NewGuid();
        await CountAsync(
            """
            WITH b AS (
                INSERT INTO resources.bookings (id, resource_id, requester_id, start, "end", blocked_start, blocked_end, purpose, attendee_ids, status, created_at)
                SELECT @id, r.id, @requester, @start, @end, @start, @end, 'Rebuild', ARRAY[@attendee], 'Approved', @start
                FROM resources.resources r WHERE r.kind = 'Room' ORDER BY r.name LIMIT 1
                RETURNING 1)
            SELECT count(*) FROM b
            """,
            bookingId,
            ("requester", fixture.Staff.Id), ("attendee", fixture.Staff2.Id), ("start", At(2028, 2, 13, 5)), ("end", At(2028, 2, 13, 6)));
        await DeliverAsync(Approved(bookingId, At(2028, 2, 13, 5), attendees: [fixture.Staff2.Id]));
        (await BusyAsync(At(2028, 2, 13, 5), At(2028, 2, 13, 6), fixture.Staff.Id, fixture.Staff2.Id)).Count.ShouldBe(2);

        // Lost, e.g. a restore of the scheduling schema from before the booking.
        await CountAsync("WITH d AS (DELETE FROM scheduling.external_busy RETURNING 1) SELECT count(*) FROM d", Guid.Empty);
        (await BusyAsync(At(2028, 2, 13, 5), At(2028, 2, 13, 6), fixture.Staff.Id, fixture.Staff2.Id)).ShouldBeEmpty();

        var written = await fixture.SendAs<int>(fixture.Admin, new RebuildBusyIntervals());

        written.ShouldBeGreaterThanOrEqualTo(2);
        var busy = await BusyAsync(At(2028, 2, 13, 5), At(2028, 2, 13, 6), fixture.Staff.Id, fixture.Staff2.Id);
        busy.Select(b => b.Because).ShouldBe(["Room booking", "Room booking"]);
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy WHERE source_id = @id", bookingId)).ShouldBe(2);
        await Should.ThrowAsync<OobcCalendar.Shared.Errors.ForbiddenException>(() => fixture.SendAs<int>(fixture.Staff, new RebuildBusyIntervals()));
    }

    /// <summary>Stores <paramref name="integrationEvent"/> in Resources' outbox, wakes the dispatcher and waits until it was delivered.</summary>
    private async Task DeliverAsync(IIntegrationEvent integrationEvent)
    {
        var row = OutboxMessage.From(integrationEvent);
        await using (var command = DataSource.CreateCommand(
            "INSERT INTO resources.outbox_messages (id, type, payload, occurred_at, attempts, next_attempt_at) VALUES (@id, @type, @payload::jsonb, @at, 0, @at)"))
        {
            command.Parameters.AddWithValue("id", row.Id);
            command.Parameters.AddWithValue("type", row.Type);
            command.Parameters.AddWithValue("payload", row.Payload);
            command.Parameters.AddWithValue("at", row.OccurredAt.ToUniversalTime());
            await command.ExecuteNonQueryAsync();
        }

        await using (var wake = DataSource.CreateCommand($"SELECT pg_notify('{LiveUpdateChannels.Outbox}', 'resources')"))
        {
            await wake.ExecuteNonQueryAsync();
        }

        await WaitUntilAsync("SELECT count(*) FROM resources.outbox_messages WHERE id = @id AND processed_at IS NOT NULL AND last_error IS NULL", row.Id);
    }

    private NpgsqlDataSource DataSource => fixture.App.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> CountAsync(string sql, Guid id, params (string Name, object Value)[] more)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        foreach (var (name, value) in more)
        {
            command.Parameters.AddWithValue(name, value is DateTimeOffset at ? at.ToUniversalTime() : value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until <paramref name="sql"/> counts one row (the dispatcher runs on its own schedule).</summary>
    private async Task WaitUntilAsync(string sql, Guid id)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (await CountAsync(sql, id) != 1)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not delivered within {DeliveryTimeout.TotalSeconds} s: {sql} ({id})");
            }

            await Task.Delay(20);
        }
    }
}
