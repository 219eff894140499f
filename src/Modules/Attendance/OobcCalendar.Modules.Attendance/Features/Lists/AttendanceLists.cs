using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>Finding the list of an occurrence.</summary>
internal static class AttendanceLists
{
    /// <summary>
    /// The list of <paramref name="occurrence"/>, if attendance is on. A single event has one list whatever start it was
    /// opened with (it may have moved since); a series' occurrence is found by its RECURRENCE-ID.
    /// </summary>
    public static async Task<AttendanceList?> FindAsync(AttendanceDbContext db, OccurrenceFacts occurrence, CancellationToken cancellationToken)
    {
        var isSeries = await db.KnownEvents.Where(e => e.EventId == occurrence.EventId).Select(e => e.RecurrenceRule != null).FirstAsync(cancellationToken);
        return isSeries
            ? await db.Lists.FirstOrDefaultAsync(l => l.EventId == occurrence.EventId && l.OccurrenceStartUtc == occurrence.OccurrenceStartUtc, cancellationToken)
            : await db.Lists.Where(l => l.EventId == occurrence.EventId).OrderBy(l => l.OpenedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
