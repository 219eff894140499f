using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Reports;

/// <summary>The event's category travels in Scheduling's snapshot (added as an optional property) into Attendance's read model.</summary>
[Collection(AttendanceCollection.Name)]
public sealed class CategoryFactTests(AttendanceFixture fixture)
{
    [Fact]
    public void EventSnapshot_WhenWrittenToTheOutbox_ThenCategoryReadsBackAndAnOldPayloadReadsNull()
    {
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], AttendanceScenario.Today(9), TimeSpan.FromHours(1)) with { CategoryId = ReportScenario.Training };
        var payload = OutboxMessage.From(new EventScheduledIntegrationEvent(snapshot, null)).Payload;
        // As the dispatcher reads payloads (System.Text.Json, web defaults).
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var read = JsonSerializer.Deserialize<EventScheduledIntegrationEvent>(payload, web)!;
        var old = JsonSerializer.Deserialize<EventScheduledIntegrationEvent>(payload.Replace("\"categoryId\"", "\"somethingElse\"", StringComparison.Ordinal), web)!;

        read.Event.CategoryId.ShouldBe(ReportScenario.Training);
        old.Event.CategoryId.ShouldBeNull();
    }

    [Fact]
    public async Task SchedulingEventsConsumer_WhenTheCategoryChanges_ThenTheReadModelFollows()
    {
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [], AttendanceScenario.Today(14), TimeSpan.FromHours(1)) with { CategoryId = ReportScenario.Meeting };
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = AttendanceFixture.Now.AddHours(-2) });
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(snapshot with { CategoryId = ReportScenario.Training }, null, [], []) { OccurredAt = AttendanceFixture.Now.AddHours(-1) });

        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AttendanceDbContext>>().CreateDbContextAsync();
        (await db.KnownEvents.Where(e => e.EventId == snapshot.EventId).Select(e => e.CategoryId).SingleAsync()).ShouldBe(ReportScenario.Training);
    }
}
