using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>The most recent check-ins of a list with who they were, as the desk and the organizer's page list them.</summary>
internal static class LastScans
{
    /// <summary>How many the screens show.</summary>
    public const int Count = 15;

    public static async Task<IReadOnlyList<DeskScan>> ReadAsync(AttendanceDbContext db, IUserDirectory directory, Guid listId, CancellationToken cancellationToken)
    {
        // (list_id, recorded_at) is indexed: the newest few rows, not the whole list.
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.ListId == listId)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(Count).ToListAsync(cancellationToken);
        var walkInIds = checkIns.Where(c => c.WalkInId != null).Select(c => c.WalkInId!.Value).ToList();
        var walkIns = await db.WalkIns.AsNoTracking().Where(w => walkInIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var personIds = checkIns.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).ToList();
        var people = personIds.Count == 0 ? [] : (await directory.GetManyAsync(personIds, cancellationToken)).ToDictionary(p => p.Id);
        return checkIns.Select(c =>
        {
            var walkIn = c.WalkInId is { } w ? walkIns.GetValueOrDefault(w) : null;
            var person = c.PersonId is { } p ? people.GetValueOrDefault(p) : null;
            return new DeskScan(
                c.Id, walkIn?.Name ?? person?.DisplayName ?? "Unknown person", walkIn?.Organisation ?? person?.OrganisationUnitName,
                c.Expected, c.CheckedInAt, c.Desk, c.Method.ToString(), c.CheckedOutAt);
        }).ToList();
    }
}
