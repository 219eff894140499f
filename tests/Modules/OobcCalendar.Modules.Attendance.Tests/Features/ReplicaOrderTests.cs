using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>Scheduling's events may arrive late and out of order; the shared replica rules (ADR 0038) keep the newest facts.</summary>
[Collection(AttendanceCollection.Name)]
public sealed class ReplicaOrderTests(AttendanceFixture fixture)
{
    private static readonly DateTimeOffset Earlier = AttendanceFixture.Now.AddHours(-2);
    private static readonly DateTimeOffset Later = AttendanceFixture.Now.AddHours(-1);

    [Fact]
    public async Task Update_WhenAnOlderOneArrivesAfterANewerOne_ThenTheNewerFactsStay()
    {
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], AttendanceScenario.Today(15), TimeSpan.FromHours(1), title: "First");
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(snapshot with { Title = "Newer" }, null, [], []) { OccurredAt = Later });
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = Earlier });

        await using var db = await Db();
        (await db.KnownEvents.SingleAsync(e => e.EventId == snapshot.EventId)).Title.ShouldBe("Newer");
    }

    [Fact]
    public async Task Cancel_WhenOlderOrNewerSnapshotsArriveAfterIt_ThenTheEventAndTheOccurrenceStayCancelled()
    {
        var start = AttendanceScenario.Today(8);
        var single = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], start, TimeSpan.FromHours(1));
        var series = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], start, TimeSpan.FromHours(1), "FREQ=DAILY;COUNT=5");
        var second = start.AddDays(1);

        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(single, null, null) { OccurredAt = Earlier });
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(single, null, [], []) { OccurredAt = Later });
        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(series, second, null) { OccurredAt = Earlier });
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(series, second, second, second.AddHours(1), second.AddHours(3), second.AddHours(4)) { OccurredAt = Later });

        await using var db = await Db();
        (await EventOccurrences.FindAsync(db, single.EventId, start, CancellationToken.None)).ShouldBeNull();
        (await EventOccurrences.FindAsync(db, series.EventId, second, CancellationToken.None)).ShouldBeNull();
        (await EventOccurrences.FindAsync(db, series.EventId, start.AddDays(2), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Move_WhenAnOlderMoveOfTheSameOccurrenceArrivesLast_ThenTheNewerTimesStay()
    {
        var start = AttendanceScenario.Today(7);
        var series = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], start, TimeSpan.FromHours(1), "FREQ=DAILY;COUNT=3");
        var third = start.AddDays(2);
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(series, null) { OccurredAt = Earlier.AddHours(-1) });

        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(series, third, third, third.AddHours(1), third.AddHours(5), third.AddHours(6)) { OccurredAt = Later });
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(series, third, third, third.AddHours(1), third.AddHours(2), third.AddHours(3)) { OccurredAt = Earlier });

        await using var db = await Db();
        var occurrence = await EventOccurrences.FindAsync(db, series.EventId, third, CancellationToken.None);
        occurrence.ShouldNotBeNull();
        occurrence.StartUtc.ShouldBe(third.AddHours(5));
        occurrence.EndUtc.ShouldBe(third.AddHours(6));
    }

    private Task<AttendanceDbContext> Db() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AttendanceDbContext>>().CreateDbContextAsync();
}
