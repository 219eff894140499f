using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.E2E.Tests;

/// <summary>Setting up attendance journeys: an event happening now, known to Attendance, with attendance on.</summary>
internal static class AttendanceActions
{
    /// <summary>An event from a few minutes ago for two hours, announced to Attendance as Scheduling would, with attendance on.</summary>
    public static async Task<(Guid ListId, Guid EventId, DateTimeOffset Start)> OpenAttendanceNowAsync(
        this BrowserFixture fixture, string organizerEmail, string title, params string[] participantEmails)
    {
        var organizer = await fixture.IdOfAsync(organizerEmail);
        var people = new List<Guid>();
        foreach (var email in participantEmails)
        {
            people.Add(await fixture.IdOfAsync(email));
        }

        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
        var snapshot = new EventSnapshot(Guid.NewGuid(), title, "Hall A", organizer, people, start, start.AddHours(2), "Asia/Manila", false, null, [], "Normal", null);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            // Only Attendance's consumer: the event exists nowhere else, so no other module should hear of it.
            var consumer = scope.ServiceProvider.GetServices<IIntegrationEventHandler<EventScheduledIntegrationEvent>>()
                .Single(h => h.GetType().Namespace!.StartsWith("OobcCalendar.Modules.Attendance", StringComparison.Ordinal));
            await consumer.HandleAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = now }, CancellationToken.None);
        }

        var listId = await fixture.SendAsAsync<Guid>(organizerEmail, new OpenAttendance(snapshot.EventId, start, true, true, true, 30));
        return (listId, snapshot.EventId, start);
    }

    /// <summary>The id of a (demo or fresh) user by email.</summary>
    public static async Task<Guid> IdOfAsync(this BrowserFixture fixture, string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().SearchAsync(email, 1, CancellationToken.None)).Single().Id;
    }
}
