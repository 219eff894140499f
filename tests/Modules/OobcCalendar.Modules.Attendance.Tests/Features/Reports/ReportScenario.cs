using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Reports;

/// <summary>
/// Past events for reports: announced to Attendance as Scheduling would (with a category), a list opened by the
/// organizer, and arrivals written as the desk would have recorded them at the time (the frozen clock is later).
/// </summary>
internal sealed class ReportScenario(AttendanceFixture fixture)
{
    public static readonly Guid Meeting = new("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid Training = new("0193a000-0000-7000-8000-000000000002");

    /// <summary>A two-hour event at <paramref name="manilaStart"/> (Manila wall clock) with a list on it; returns the list id.</summary>
    public async Task<(Guid ListId, DateTimeOffset StartUtc)> PastEventAsync(DateTime manilaStart, Guid? category, params DirectoryUser[] participants)
    {
        var start = new DateTimeOffset(manilaStart, TimeSpan.FromHours(8));
        var snapshot = AttendanceScenario.Snapshot(fixture.Organizer.Id, [.. participants.Select(p => p.Id)], start, TimeSpan.FromHours(2), title: $"Consultation {manilaStart:MMM d HH:mm}")
            with { CategoryId = category };
        await fixture.DeliverAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = start.AddDays(-7) });
        var listId = await new AttendanceScenario(fixture).OpenAsync(snapshot);
        return (listId, start.ToUniversalTime());
    }

    /// <summary>Records that <paramref name="person"/> arrived <paramref name="minutesAfterStart"/> minutes after the start.</summary>
    public async Task ArrivedAsync(Guid listId, DateTimeOffset startUtc, DirectoryUser person, double minutesAfterStart, bool expected = true)
    {
        await using var db = await ContextAsync();
        var at = startUtc.AddMinutes(minutesAfterStart);
        db.CheckIns.Add(new CheckIn(listId, person.Id, null, expected, at, at, "desk 1", CheckInMethod.Manual, fixture.Desk1.Id));
        await db.SaveChangesAsync();
    }

    public async Task WalkInAsync(Guid listId, DateTimeOffset startUtc, string name, string organisation, double minutesAfterStart)
    {
        await using var db = await ContextAsync();
        var at = startUtc.AddMinutes(minutesAfterStart);
        var walkIn = new WalkIn(listId, name, organisation, null, fixture.Desk1.Id, at);
        db.WalkIns.Add(walkIn);
        db.CheckIns.Add(new CheckIn(listId, null, walkIn.Id, false, at, at, "desk 1", CheckInMethod.WalkIn, fixture.Desk1.Id));
        await db.SaveChangesAsync();
    }

    private Task<AttendanceDbContext> ContextAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AttendanceDbContext>>().CreateDbContextAsync();
}
