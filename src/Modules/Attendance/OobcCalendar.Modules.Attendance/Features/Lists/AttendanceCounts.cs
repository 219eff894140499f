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
        var expected = context.Occurrence.Expected;
        var people = await db.CheckIns.AsNoTracking().Where(c => c.ListId == context.List.Id && c.PersonId != null)
            .Select(c => c.PersonId!.Value).ToListAsync(cancellationToken);
        var walkIns = await db.CheckIns.CountAsync(c => c.ListId == context.List.Id && c.WalkInId != null, cancellationToken);
        var arrivedExpected = people.Count(expected.Contains);
        return new AttendanceCounts(expected.Count, arrivedExpected, people.Count - arrivedExpected, walkIns);
    }
}
