using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.EventsReadModel;

/// <summary>One occurrence as Attendance knows it: <see cref="OccurrenceStartUtc"/> is its key (a series' RECURRENCE-ID).</summary>
internal sealed record OccurrenceFacts(
    Guid EventId,
    DateTimeOffset OccurrenceStartUtc,
    string Title,
    string? Location,
    Guid OrganizerId,
    IReadOnlyList<Guid> ParticipantIds,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId)
{
    /// <summary>Who is expected: the participants and the organizer.</summary>
    public IReadOnlyList<Guid> Expected { get; } = [.. ParticipantIds.Append(OrganizerId).Distinct()];
}

/// <summary>Finds an occurrence in the read model (null when unknown or cancelled).</summary>
internal static class EventOccurrences
{
    public static async Task<OccurrenceFacts?> FindAsync(AttendanceDbContext db, Guid eventId, DateTimeOffset occurrenceStartUtc, CancellationToken cancellationToken)
    {
        var known = await db.KnownEvents.AsNoTracking().FirstOrDefaultAsync(e => e.EventId == eventId, cancellationToken);
        if (known is null || known.Cancelled)
        {
            return null;
        }

        if (!known.IsRecurring)
        {
            // A single event has one occurrence whatever key it was opened with (it may have moved since).
            return Facts(known, occurrenceStartUtc, known.StartUtc, known.EndUtc);
        }

        var key = occurrenceStartUtc.ToUniversalTime();
        var change = await db.KnownOccurrenceChanges.AsNoTracking()
            .FirstOrDefaultAsync(c => c.EventId == eventId && c.RecurrenceIdUtc == key, cancellationToken);
        if (change is { Cancelled: true } || known.CancelledFromUtc <= key || known.ExceptionDatesUtc.Contains(key) || !IsOnRule(known, key))
        {
            return null;
        }

        return Facts(known, key, change?.StartUtc ?? key, change?.EndUtc ?? key + (known.EndUtc - known.StartUtc));
    }

    /// <summary>As <see cref="FindAsync"/>, or a clear "not found".</summary>
    public static async Task<OccurrenceFacts> GetAsync(AttendanceDbContext db, Guid eventId, DateTimeOffset occurrenceStartUtc, CancellationToken cancellationToken) =>
        await FindAsync(db, eventId, occurrenceStartUtc, cancellationToken)
            ?? throw new NotFoundException("That event (or occurrence) is not in the calendar any more, or was cancelled.");

    private static bool IsOnRule(KnownEvent known, DateTimeOffset key)
    {
        var zone = OfficeTime.Zone(known.TimeZoneId);
        var slots = RecurrenceExpander.Expand(
            known.RecurrenceRule!, WallClock.ToLocal(known.StartUtc, zone), known.EndUtc - known.StartUtc, known.TimeZoneId,
            windowEnd: key.AddSeconds(1), maxOccurrences: 10, windowStart: key);
        return slots.Any(s => s.Start == key);
    }

    private static OccurrenceFacts Facts(KnownEvent known, DateTimeOffset key, DateTimeOffset start, DateTimeOffset end) =>
        new(known.EventId, key, known.Title, known.Location, known.OrganizerId, known.ParticipantIds, start, end, known.TimeZoneId);
}
