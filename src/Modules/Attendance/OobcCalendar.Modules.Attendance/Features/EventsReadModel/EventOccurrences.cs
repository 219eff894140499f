using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;
using OobcCalendar.Shared.Errors;

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

        var key = occurrenceStartUtc.ToUniversalTime();
        var change = known.IsRecurring
            ? await db.KnownOccurrenceChanges.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == eventId && c.RecurrenceIdUtc == key, cancellationToken)
            : null;
        return known.At(occurrenceStartUtc, change) is { } o
            ? new(known.EventId, o.RecurrenceIdUtc, known.Title, known.Location, known.OrganizerId, known.ParticipantIds, o.StartUtc, o.EndUtc, known.TimeZoneId)
            : null;
    }

    /// <summary>As <see cref="FindAsync"/>, or a clear "not found".</summary>
    public static async Task<OccurrenceFacts> GetAsync(AttendanceDbContext db, Guid eventId, DateTimeOffset occurrenceStartUtc, CancellationToken cancellationToken) =>
        await FindAsync(db, eventId, occurrenceStartUtc, cancellationToken)
            ?? throw new NotFoundException("That event (or occurrence) is not in the calendar any more, or was cancelled.");
}
