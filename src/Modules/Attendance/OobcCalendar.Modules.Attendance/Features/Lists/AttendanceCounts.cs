using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// The desk's counters. Expected people are counted as the read model has them now; a check-in of someone removed
/// from the event since counts among the others, not the expected.
/// </summary>
internal sealed record AttendanceCounts(int Expected, int ExpectedCheckedIn, int OthersCheckedIn, int WalkIns)
{
    /// <summary>Share of the expected people who arrived (0 when nobody is expected).</summary>
    public double Rate => Expected == 0 ? 0 : (double)ExpectedCheckedIn / Expected;

    public static async Task<AttendanceCounts> OfAsync(AttendanceDbContext db, ListInContext context, CancellationToken cancellationToken)
    {
        // Counted by the database in one pass: every desk asks after every check-in, so no rows travel.
        var expected = context.Occurrence.Expected.ToList();
        var counted = await db.CheckIns.Where(c => c.ListId == context.List.Id)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                People = g.Count(c => c.PersonId != null),
                Expected = g.Count(c => c.PersonId != null && expected.Contains(c.PersonId.Value)),
                WalkIns = g.Count(c => c.WalkInId != null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counted is null
            ? new AttendanceCounts(expected.Count, 0, 0, 0)
            : new AttendanceCounts(expected.Count, counted.Expected, counted.People - counted.Expected, counted.WalkIns);
    }
}
