using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Persistence;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>Which UIDs of a file are already in the importer's calendar.</summary>
internal static class IcsDuplicates
{
    /// <summary>
    /// UIDs the importer imported before (and has not cancelled), plus UIDs of events made here (exported from this
    /// calendar) that the importer already organises or takes part in: importing one's own export adds nothing twice.
    /// </summary>
    public static async Task<HashSet<string>> AlreadyImportedAsync(SchedulingDbContext db, IReadOnlyList<string> uids, Guid importer, CancellationToken cancellationToken)
    {
        var imported = await db.Events.AsNoTracking()
            .Where(e => e.OrganizerId == importer && e.CancelledAt == null && e.ExternalUid != null && uids.Contains(e.ExternalUid))
            .Select(e => e.ExternalUid!)
            .ToListAsync(cancellationToken);
        var suffix = "@" + IcsWriter.UidDomain;
        var ownIds = uids
            .Where(u => u.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            .Select(u => Guid.TryParse(u[..^suffix.Length], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList();
        var own = ownIds.Count == 0 ? [] : await db.Events.AsNoTracking()
            .Where(e => ownIds.Contains(e.Id) && e.CancelledAt == null && e.MemberIds.Contains(importer))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        return new HashSet<string>([.. imported, .. own.Select(id => $"{id}{suffix}")], StringComparer.OrdinalIgnoreCase);
    }
}
