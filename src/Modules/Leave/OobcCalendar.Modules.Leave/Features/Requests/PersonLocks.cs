using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OobcCalendar.Modules.Leave.Persistence;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// Queues one person's leave writes behind each other for the length of their transaction, so the balance read
/// before a request is still the balance when it commits (two requests at once cannot both spend the last days).
/// Overlap is the exclusion constraint's job; the lock also spares racing inserts a GiST deadlock.
/// </summary>
internal static class PersonLocks
{
    public static async Task<IDbContextTransaction> BeginAsync(LeaveDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('leave.person:' || {personId.ToString()}, 0))", cancellationToken);
        return transaction;
    }
}
