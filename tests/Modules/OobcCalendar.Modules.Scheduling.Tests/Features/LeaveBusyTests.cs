using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Scheduling.Features.BusyIntervals;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>
/// The busy read model fed by Leave's events (docs/adr/0024). Events are put in Leave's outbox as its handlers store
/// them, so the real dispatcher delivers them to the real consumer. Leave's own tests drive real requests.
/// </summary>
[Collection(SchedulingLeaveCollection.Name)]
public sealed class LeaveBusyTests(SchedulingLeaveFixture fixture)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Manila = TimeSpan.FromHours(8);

    // Whole days in 2028 (Manila), far from every other test's data; each test its own week. Asked at 6–7 AM: the demo
    // seed's open-ended weekly series keep its people busy on Monday mornings, and leave covers the whole day anyway.

    private static DateTimeOffset Day(int month, int day, int hour = 0) => new(2028, month, day, hour, 0, 0, Manila);

    private Task<IReadOnlyList<BusyParticipant>> BusyAsync(DateTimeOffset start, DateTimeOffset end, params Guid[] people) =>
        fixture.SendAs<IReadOnlyList<BusyParticipant>>(fixture.Manager, new FindBusyParticipants(people, start, end, null));

    private LeaveApprovedIntegrationEvent Approved(Guid person, int month, int first, int last) =>
        new(Guid.NewGuid(), person, fixture.Manager.Id, null, "SL", "Sick leave", true, new DateOnly(2028, month, first), new DateOnly(2028, month, last),
            "Full", "Full", last - first + 1, Day(month, first), Day(month, last + 1), "Flu")
        { OccurredAt = fixture.Clock.GetUtcNow() };

    private LeaveCancelledIntegrationEvent Cancelled(LeaveApprovedIntegrationEvent a, DateOnly? freedFrom = null) =>
        new(a.RequestId, a.PersonId, a.PersonId, a.LeaveTypeCode, a.LeaveTypeName, a.FirstDay, a.LastDay, a.Days, a.Days, freedFrom ?? a.FirstDay,
            a.StartUtc, a.EndUtc, a.Reason, true)
        { OccurredAt = fixture.Clock.GetUtcNow() };

    [Fact]
    public async Task LeaveApproved_WhenDelivered_ShowsThePersonBusyOnLeaveWithoutTheType()
    {
        await DeliverAsync(Approved(fixture.Staff.Id, 1, 3, 4));

        var busy = await BusyAsync(Day(1, 4, 6), Day(1, 4, 7), fixture.Staff.Id, fixture.Staff2.Id);

        busy.ShouldHaveSingleItem().UserId.ShouldBe(fixture.Staff.Id);
        busy[0].Because.ShouldBe(LeaveBusy.Label);
        busy[0].ShownName.ShouldBe($"{fixture.Staff.DisplayName} (on leave)");
        busy[0].ShownName.ShouldNotContain("Sick");
        (await BusyAsync(Day(1, 5, 6), Day(1, 5, 7), fixture.Staff.Id)).ShouldBeEmpty("the leave ends with the 4th");
    }

    [Fact]
    public async Task LeaveCancelled_WhenBeforeItStarted_FreesThePersonForGood()
    {
        var approved = Approved(fixture.Staff.Id, 1, 10, 11);
        await DeliverAsync(approved);
        (await BusyAsync(Day(1, 10, 6), Day(1, 10, 7), fixture.Staff.Id)).Count.ShouldBe(1);

        await DeliverAsync(Cancelled(approved));
        await DeliverAsync(approved with { EventId = Guid.NewGuid() });

        (await BusyAsync(Day(1, 10, 6), Day(1, 10, 7), fixture.Staff.Id)).ShouldBeEmpty("a late approval after the cancellation is ignored");
        (await CountAsync("SELECT count(*) FROM scheduling.external_busy_released WHERE source_id = @id", approved.RequestId)).ShouldBe(1);
    }

    [Fact]
    public async Task LeaveCancelled_WhenCutShortAfterItStarted_KeepsTheDaysTaken()
    {
        var approved = Approved(fixture.Staff2.Id, 1, 17, 21);

        await DeliverAsync(approved);
        await DeliverAsync(Cancelled(approved, freedFrom: new DateOnly(2028, 1, 19)));

        (await BusyAsync(Day(1, 18, 6), Day(1, 18, 7), fixture.Staff2.Id)).Count.ShouldBe(1);
        (await BusyAsync(Day(1, 19, 6), Day(1, 19, 7), fixture.Staff2.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RebuildLeaveBusyIntervals_WhenTheModelWasLost_RestoresItFromLeavesApprovedRequests()
    {
        var requestId = Guid.NewGuid();
        await CountAsync(
            """
            WITH r AS (
                INSERT INTO leave.leave_requests (id, person_id, leave_type_id, first_day, last_day, first_day_part, last_day_part, held_from, held_until,
                    days, reason, status, stage, needs_second_approval, created_at, decided_by, decided_at)
                SELECT @id, @person, t.id, DATE '2028-01-24', DATE '2028-01-25', 'Full', 'Full', TIMESTAMP '2028-01-24 00:00', TIMESTAMP '2028-01-26 00:00',
                    2, 'Rebuild', 'Approved', 'Manager', false, now(), @person, now()
                FROM leave.leave_types t ORDER BY t.id LIMIT 1
                RETURNING 1)
            SELECT count(*) FROM r
            """,
            requestId, ("person", fixture.Staff.Id));
        (await BusyAsync(Day(1, 24, 6), Day(1, 24, 7), fixture.Staff.Id)).ShouldBeEmpty("no event was delivered for it");

        var written = await fixture.SendAs<int>(fixture.Admin, new RebuildLeaveBusyIntervals());

        written.ShouldBeGreaterThanOrEqualTo(1);
        (await BusyAsync(Day(1, 24, 6), Day(1, 24, 7), fixture.Staff.Id)).ShouldHaveSingleItem().Because.ShouldBe(LeaveBusy.Label);
        (await BusyAsync(Day(1, 26, 6), Day(1, 26, 7), fixture.Staff.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<OobcCalendar.Shared.Errors.ForbiddenException>(() => fixture.SendAs<int>(fixture.Staff, new RebuildLeaveBusyIntervals()));
    }

    [Fact]
    public async Task GetMyAwayClashes_WhenLeaveCoversAnEventOfMine_FlagsTheDay()
    {
        // Tue 20 April 2027: within the flags' horizon from the frozen clock (1 March 2027).
        var leave = new LeaveApprovedIntegrationEvent(Guid.NewGuid(), fixture.Staff2.Id, fixture.Manager.Id, null, "VL", "Vacation leave", false,
            new DateOnly(2027, 4, 20), new DateOnly(2027, 4, 20), "Full", "Full", 1, new DateTimeOffset(2027, 4, 20, 0, 0, 0, Manila), new DateTimeOffset(2027, 4, 21, 0, 0, 0, Manila), "Trip")
        { OccurredAt = fixture.Clock.GetUtcNow() };
        await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Drafts.Single(Drafts.At(2027, 4, 20, 3), title: "Planning", participants: [fixture.Staff2.Id])));
        (await fixture.SendAs<IReadOnlyList<AwayClash>>(fixture.Staff2, new GetMyAwayClashes())).ShouldBeEmpty("not away yet");

        await DeliverAsync(leave);

        var clash = (await fixture.SendAs<IReadOnlyList<AwayClash>>(fixture.Staff2, new GetMyAwayClashes())).ShouldHaveSingleItem();
        clash.ShouldBe(new AwayClash(new DateOnly(2027, 4, 20), 1, 0));
        clash.Text.ShouldBe("You are away on Tue 20 Apr: 1 event");
        (await fixture.SendAs<IReadOnlyList<AwayClash>>(fixture.Manager, new GetMyAwayClashes())).ShouldBeEmpty("the organizer is not away");
    }

    [Fact]
    public async Task GetEventDetails_WhenAnInviteeIsOnLeave_ThenTellsTheOrganizerOnly()
    {
        // Thu 22 April 2027: Staff on sick leave (private), Staff2 not; the organizer sees only that Staff is away.
        var leave = new LeaveApprovedIntegrationEvent(Guid.NewGuid(), fixture.Staff.Id, fixture.Manager.Id, null, "SL", "Sick leave", true,
            new DateOnly(2027, 4, 22), new DateOnly(2027, 4, 22), "Full", "Full", 1, new DateTimeOffset(2027, 4, 22, 0, 0, 0, Manila), new DateTimeOffset(2027, 4, 23, 0, 0, 0, Manila), "Flu")
        { OccurredAt = fixture.Clock.GetUtcNow() };
        var eventId = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Drafts.Single(Drafts.At(2027, 4, 22, 2), title: "Budget", participants: [fixture.Staff.Id, fixture.Staff2.Id])));
        var dayAfter = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Drafts.Single(Drafts.At(2027, 4, 23, 2), title: "Follow-up", participants: [fixture.Staff.Id])));
        (await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(eventId, null))).OnLeave.ShouldBeEmpty("not on leave yet");

        await DeliverAsync(leave);

        (await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(eventId, null))).OnLeave.ShouldBe([fixture.Staff.Id]);
        (await fixture.SendAs<EventDetails>(fixture.Staff2, new GetEventDetails(eventId, null))).OnLeave.ShouldBeEmpty("only those who may edit the event are told");
        (await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(dayAfter, null))).OnLeave.ShouldBeEmpty("the leave ends with the 22nd");
    }

    /// <summary>Stores <paramref name="integrationEvent"/> in Leave's outbox, wakes the dispatcher and waits until it was delivered.</summary>
    private async Task DeliverAsync(IIntegrationEvent integrationEvent)
    {
        var row = OutboxMessage.From(integrationEvent);
        await using (var command = DataSource.CreateCommand(
            "INSERT INTO leave.outbox_messages (id, type, payload, occurred_at, attempts, next_attempt_at) VALUES (@id, @type, @payload::jsonb, @at, 0, @at)"))
        {
            command.Parameters.AddWithValue("id", row.Id);
            command.Parameters.AddWithValue("type", row.Type);
            command.Parameters.AddWithValue("payload", row.Payload);
            command.Parameters.AddWithValue("at", row.OccurredAt.ToUniversalTime());
            await command.ExecuteNonQueryAsync();
        }

        await using (var wake = DataSource.CreateCommand($"SELECT pg_notify('{LiveUpdateChannels.Outbox}', 'leave')"))
        {
            await wake.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (await CountAsync("SELECT count(*) FROM leave.outbox_messages WHERE id = @id AND processed_at IS NOT NULL AND last_error IS NULL", row.Id) != 1)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not delivered within {DeliveryTimeout.TotalSeconds} s ({row.Id})");
            }

            await Task.Delay(20);
        }
    }

    private NpgsqlDataSource DataSource => fixture.App.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> CountAsync(string sql, Guid id, params (string Name, object Value)[] more)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        foreach (var (name, value) in more)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The real host with Scheduling and Leave on (Leave's events feed Scheduling's busy model), clock frozen.</summary>
public sealed class SchedulingLeaveFixture() : ModuleFixture(new ModuleFixtureOptions("schedleave", ["Scheduling", "Leave"]) { FrozenAt = SchedulingFixture.Now })
{
    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public DirectoryUser Staff2 { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = DemoUser("admin@oobc.gov.ph");
        Manager = DemoUser("manager.ops@oobc.gov.ph");
        Staff = DemoUser("staff1@oobc.gov.ph");
        Staff2 = DemoUser("staff2@oobc.gov.ph");
    }
}

[CollectionDefinition(Name)]
public sealed class SchedulingLeaveCollection : ICollectionFixture<SchedulingLeaveFixture>
{
    public const string Name = "scheduling-leave";
}
