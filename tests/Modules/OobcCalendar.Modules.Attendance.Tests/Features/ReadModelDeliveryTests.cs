using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>Scheduling's events reach the read model through the real outbox dispatcher (serialised, delivered, applied once).</summary>
[Collection(AttendanceCollection.Name)]
public sealed class ReadModelDeliveryTests(AttendanceFixture fixture)
{
    [Fact]
    public async Task EventScheduled_WhenDeliveredFromSchedulingsOutboxTwice_ThenKnownOnceWithItsParticipants()
    {
        var staff = fixture.StaffNo(1);
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [staff.Id], AttendanceScenario.Today(10), TimeSpan.FromHours(1), title: "Delivered through the outbox");
        var scheduled = new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = AttendanceFixture.Now.AddMinutes(-5) };

        await DeliverAsync(scheduled);
        await DeliverAsync(scheduled); // a redelivery: same event id, another outbox row

        var listId = await fixture.SendAs<Guid>(fixture.Organizer, new OpenAttendance(snapshot.EventId, snapshot.StartUtc, true, true, false, 60));
        var view = await fixture.SendAs<DeskView>(fixture.Desk1, new GetDeskView(listId));
        view.Title.ShouldBe("Delivered through the outbox");
        view.People.Select(p => p.PersonId).ShouldBe(new[] { staff.Id, fixture.Organizer.Id }, ignoreOrder: true);
    }

    /// <summary>Stores the event in Scheduling's outbox (a row of its own each time), wakes the dispatcher and waits until it was delivered without error.</summary>
    private async Task DeliverAsync(IIntegrationEvent integrationEvent)
    {
        var row = OutboxMessage.From(integrationEvent);
        var rowId = Guid.NewGuid();
        var dataSource = fixture.App.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO scheduling.outbox_messages (id, type, payload, occurred_at, attempts, next_attempt_at) VALUES (@id, @type, @payload::jsonb, @at, 0, @at)"))
        {
            insert.Parameters.AddWithValue("id", rowId);
            insert.Parameters.AddWithValue("type", row.Type);
            insert.Parameters.AddWithValue("payload", row.Payload);
            insert.Parameters.AddWithValue("at", row.OccurredAt.ToUniversalTime());
            await insert.ExecuteNonQueryAsync();
        }

        await using (var wake = dataSource.CreateCommand($"SELECT pg_notify('{LiveUpdateChannels.Outbox}', 'scheduling')"))
        {
            await wake.ExecuteNonQueryAsync();
        }

        await Eventually.UntilAsync(
            async () =>
            {
                await using var check = dataSource.CreateCommand("SELECT count(*) FROM scheduling.outbox_messages WHERE id = @id AND processed_at IS NOT NULL AND last_error IS NULL");
                check.Parameters.AddWithValue("id", rowId);
                return (long)(await check.ExecuteScalarAsync())! == 1;
            },
            TimeSpan.FromSeconds(30),
            "the outbox row to be delivered");
    }
}
