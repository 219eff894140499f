using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// Queues writers of one resource behind each other for the length of their transaction. The exclusion
/// constraint alone already forbids overlaps, but many racers inserting into one GiST range can deadlock each
/// other; with the lock the first commits and every later one meets the constraint cleanly, in arrival order.
/// </summary>
internal static class ResourceLocks
{
    /// <summary>Begins a transaction on <paramref name="db"/> and takes the write locks of <paramref name="resourceIds"/> in a fixed order.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(ResourcesDbContext db, IEnumerable<Guid> resourceIds, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = resourceIds.Distinct().Order().Select(id => id.ToString()).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            "SELECT pg_advisory_xact_lock(hashtextextended('resources.booking:' || k, 0)) FROM unnest(@keys) WITH ORDINALITY AS t(k, n) ORDER BY n",
            [new NpgsqlParameter("keys", keys)],
            cancellationToken);
        return transaction;
    }
}
