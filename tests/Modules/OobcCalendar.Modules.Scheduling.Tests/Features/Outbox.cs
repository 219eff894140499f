using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Persistence;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Reads what the handlers wrote to scheduling.outbox_messages about one calendar event.</summary>
internal static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The integration events of type <typeparamref name="T"/> about <paramref name="calendarEventId"/>, as consumers will read them.</summary>
    public static async Task<IReadOnlyList<T>> OutboxAsync<T>(this SchedulingFixture fixture, Guid calendarEventId)
    {
        var type = typeof(T).FullName!;
        return (await RowsAsync(fixture, calendarEventId)).Where(r => r.Type == type).Select(r => JsonSerializer.Deserialize<T>(r.Payload, Json)!).ToList();
    }

    /// <summary>Short type names of every integration event about <paramref name="calendarEventId"/>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> OutboxTypesAsync(this SchedulingFixture fixture, Guid calendarEventId) =>
        (await RowsAsync(fixture, calendarEventId)).Select(r => r.Type.Split('.')[^1]).Order(StringComparer.Ordinal).ToList();

    private static async Task<List<(string Type, string Payload)>> RowsAsync(SchedulingFixture fixture, Guid calendarEventId)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        var id = calendarEventId.ToString();
        var rows = await db.OutboxMessages
            .FromSqlInterpolated($"SELECT * FROM scheduling.outbox_messages WHERE payload->'event'->>'eventId' = {id} OR payload->>'calendarEventId' = {id}")
            .Select(m => new { m.Type, m.Payload })
            .ToListAsync();
        return rows.Select(r => (r.Type, r.Payload)).ToList();
    }
}
