using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>Builds events in Attendance's read model (as Scheduling would announce them) and lists on them.</summary>
internal sealed class AttendanceScenario(AttendanceFixture fixture)
{
    public static EventSnapshot Snapshot(
        Guid organizerId, IReadOnlyList<Guid> participants, DateTimeOffset start, TimeSpan length, string? rule = null, string title = "Consultation") =>
        new(Guid.NewGuid(), title, "Hall A", organizerId, participants, start.ToUniversalTime(), (start + length).ToUniversalTime(),
            "Asia/Manila", false, rule, [], "Public", null);

    /// <summary>A 9:00–11:00 event today (Manila) with <paramref name="participants"/>, known to Attendance.</summary>
    public async Task<EventSnapshot> EventTodayAsync(params DirectoryUser[] participants)
    {
        var snapshot = Snapshot(fixture.Organizer.Id, [.. participants.Select(p => p.Id)], Today(9), TimeSpan.FromHours(2));
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = AttendanceFixture.Now.AddHours(-1) });
        return snapshot;
    }

    public Task<Guid> OpenAsync(EventSnapshot snapshot, DateTimeOffset? occurrence = null, bool walkIns = true, bool selfCheckIn = true, bool checkOut = true) =>
        fixture.SendAs<Guid>(fixture.Organizer, new OpenAttendance(snapshot.EventId, occurrence ?? snapshot.StartUtc, selfCheckIn, walkIns, checkOut, 30));

    public static DateTimeOffset Today(int hour) => new(2027, 4, 5, hour, 0, 0, TimeSpan.FromHours(8));
}
